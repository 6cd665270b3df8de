using System.Globalization;
using System.Text;

namespace Chancery.Core.Breach;

/// <summary>
/// Writes a <see cref="BreachReport"/> into a folder: <c>people.csv</c>, <c>notices/&lt;subject&gt;.fr.txt</c> and
/// <c>.en.txt</c>, <c>authority-report.fr.md</c> and <c>.en.md</c>. The folder holds personal data: on Unix it
/// and its files are readable by their owner only.
/// </summary>
public static class BreachReportWriter
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(BreachReport report, string folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notices = Path.Combine(folder, "notices");
        CreateFolder(folder);
        CreateFolder(notices);
        await WriteFileAsync(Path.Combine(folder, "people.csv"), PeopleCsv(report), ct);
        foreach (var subject in report.People)
        {
            await WriteFileAsync(Path.Combine(notices, subject.Key + ".fr.txt"), BreachNotice.Compose(report, subject, en: false), ct);
            await WriteFileAsync(Path.Combine(notices, subject.Key + ".en.txt"), BreachNotice.Compose(report, subject, en: true), ct);
        }

        await WriteFileAsync(Path.Combine(folder, "authority-report.fr.md"), AuthorityReport.Compose(report, en: false), ct);
        await WriteFileAsync(Path.Combine(folder, "authority-report.en.md"), AuthorityReport.Compose(report, en: true), ct);
    }

    public static string PeopleCsv(BreachReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Record(csv, ["subject", "name", "contact", "language", "fields", "changed", "first_access", "last_access", "accesses"]);
        foreach (var p in report.People)
        {
            Record(csv,
            [
                p.Key, p.Name ?? "", p.Contact ?? "", p.Language, string.Join(' ', p.Fields), p.Written ? "yes" : "no",
                Iso(p.FirstAccess), Iso(p.LastAccess), p.Accesses.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return csv.ToString();
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One RFC 4180 record. Names are typed by applicants: a cell that a spreadsheet would run as a formula is quoted with a leading apostrophe.</summary>
    private static void Record(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                csv.Append(',');
            var cell = cells[i];
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                cell = "'" + cell;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else
                csv.Append(cell);
        }

        csv.Append("\r\n");
    }

    private static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, OwnerOnlyFolder);
    }

    private static async Task WriteFileAsync(string path, string text, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(Utf8.GetBytes(text), ct);
    }
}
