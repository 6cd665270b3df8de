using System.Text;
using Chancery.Core.Cases;

namespace Chancery.Web.Api;

/// <summary>Lifecycle actions as they appear in URLs: <c>record-checks</c>, <c>issue-in-person</c>.</summary>
internal static class CaseActionNames
{
    private static readonly Dictionary<string, CaseAction> ByName =
        Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Submit).ToDictionary(ToName, a => a, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string name, out CaseAction action) => ByName.TryGetValue(name, out action);

    public static string ToName(CaseAction action)
    {
        var text = action.ToString();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
                sb.Append('-');
            sb.Append(char.ToLowerInvariant(text[i]));
        }

        return sb.ToString();
    }
}
