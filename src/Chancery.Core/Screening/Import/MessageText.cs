namespace Chancery.Core.Screening.Import;

internal static class MessageText
{
    private const int MaxLength = 300;

    /// <summary>Error messages quote the file; a quoted line break or a huge field must not break the one-line message.</summary>
    public static string OneLine(string text)
    {
        var chars = text.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var line = new string(chars);
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength), "…");
    }
}
