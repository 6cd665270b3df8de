using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Chancery.Web.Pages.Shared;

// The errors of the form on a page for _ErrorSummary.cshtml: errors not tied to a field first, then the
// fields' errors in the order their properties are declared (the order of the form, usually), so that
// the summary reads like the form.
internal static class FormErrors
{
    public static IReadOnlyList<(string Key, string Message)> Of(ViewContext viewContext, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        var metadata = viewContext.ViewData.ModelMetadata;
        return [.. viewContext.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Position: Position(metadata, e.Key), e.Value!.Errors))
            .OrderBy(e => e.Key.Length == 0 ? 0 : 1)
            .ThenBy(e => e.Position, PositionComparer.Instance)
            .SelectMany(e => e.Errors.Select(error =>
                (e.Key, string.IsNullOrEmpty(error.ErrorMessage) ? texts["validation.invalid"] : error.ErrorMessage)))];
    }

    // "Input.Address.City" -> [index of Input, index of Address in Input, index of City in Address].
    private static int[] Position(ModelMetadata? metadata, string key)
    {
        var position = new List<int>();
        foreach (var name in key.Split('.'))
        {
            var property = metadata?.Properties[name.Split('[')[0]];
            position.Add(property is null ? int.MaxValue : metadata!.Properties.ToList().IndexOf(property));
            metadata = property;
        }
        return [.. position];
    }

    private sealed class PositionComparer : IComparer<int[]>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i])
                    return x[i].CompareTo(y[i]);
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
