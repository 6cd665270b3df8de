using System.Text;

namespace Chancery.Core.Screening.Import;

/// <summary>
/// Chancery's own CSV for national lookout lists (docs/watchlist-formats.md): UTF-8, RFC 4180 quoting,
/// the header <c>id,surname,given_names,aliases,birth_dates,nationalities,reason</c>, several values
/// in one field separated by <c>|</c>. Every row is a person.
/// </summary>
public static class ChanceryLookoutCsv
{
    public const string Header = "id,surname,given_names,aliases,birth_dates,nationalities,reason";

    private const string FormatName = "csv";
    private const char Separator = '|';
    private static readonly string[] Columns = Header.Split(',');

    public static ParsedWatchlist Read(
        Stream stream, string sourceList, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceList);
        using var text = new StreamReader(new ProgressStream(stream, progress), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, FormatName);
        var header = csv.ReadRecord() ?? throw Error(1, $"the file is empty; the first line must be the header {Header}");
        if (!header.Select(h => h.Trim()).SequenceEqual(Columns, StringComparer.Ordinal))
            throw Error(1, $"the header must be {Header}");

        var entries = new List<ParsedWatchlistEntry>();
        var skipped = new List<SkippedRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (csv.ReadRecord() is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.RecordLine;
            if (fields is [""])
            {
                skipped.Add(new SkippedRecord(line, "", "blank line"));
                continue;
            }

            if (fields.Count != Columns.Length)
                throw Error(line, $"expected {Columns.Length} fields, found {fields.Count}");

            var id = fields[0].Trim();
            if (id.Length == 0)
                throw Error(line, "id is empty");
            if (!ids.Add(id))
                throw Error(line, $"id {id} appears twice");
            var surname = fields[1].Trim();
            if (surname.Length == 0)
                throw Error(line, $"entry {id} has no surname");
            var given = fields[2].Trim();

            var birthDates = new List<ParsedBirthDate>();
            foreach (var value in Values(fields[4]))
            {
                if (!ParsedBirthDate.TryParse(value, out var date))
                    throw Error(line, $"entry {id}: birth date '{value}' is not YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY or YYYY..YYYY");
                birthDates.Add(date!);
            }

            entries.Add(new ParsedWatchlistEntry
            {
                SourceId = id,
                SourceList = sourceList,
                PrimaryName = given.Length == 0 ? surname : $"{surname}, {given}",
                FamilyName = surname,
                GivenNames = given.Length == 0 ? null : given,
                IsIndividual = true,
                Aliases = Values(fields[3]).Select(a => new ParsedAlias(a, AliasKind.AlsoKnownAs, AliasQuality.Unspecified)).ToList(),
                BirthDates = birthDates,
                Nationalities = Values(fields[5]).Select(n => new ParsedNationality(n, CountryNames.ToAlpha3(n))).ToList(),
                Reason = fields[6].Trim() is { Length: > 0 } reason ? reason : null,
            });
        }

        var summary = new WatchlistParseSummary(entries.Count, 0, entries.Sum(e => e.Aliases.Count), 0, skipped);
        return new ParsedWatchlist(sourceList, WatchlistFormat.ChanceryCsv, entries, summary);
    }

    /// <summary>Writes people in this format; entities, passports and programs have no column and are left out.</summary>
    public static void Write(TextWriter writer, IEnumerable<ParsedWatchlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.Write(Header);
        writer.Write("\r\n");
        foreach (var e in entries.Where(e => e.IsIndividual))
        {
            string[] fields =
            [
                e.SourceId,
                e.FamilyName ?? e.PrimaryName,
                e.GivenNames ?? "",
                Join(e.Aliases.Select(a => a.Name)),
                Join(e.BirthDates.Select(d => d.ToString())),
                Join(e.Nationalities.Select(n => n.Text)),
                e.Reason ?? "",
            ];
            writer.Write(string.Join(',', fields.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static string[] Values(string field) =>
        field.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Any(v => v.Contains(Separator, StringComparison.Ordinal)))
            throw new ArgumentException($"A value holds the separator '{Separator}' and cannot be written.", nameof(values));
        return string.Join(Separator, list);
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim()
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;

    private static WatchlistFormatException Error(long line, string problem) =>
        new(MessageText.OneLine($"{FormatName}: line {line}: {problem}."));
}
