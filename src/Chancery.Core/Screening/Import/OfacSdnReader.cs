using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chancery.Core.Screening.Import;

/// <summary>
/// Reads the OFAC legacy SDN CSV (sdn.csv): 12 columns, no header, <c>-0-</c> for empty. Aliases,
/// birth dates, nationalities, citizenships and passports of a record are items of its remarks
/// column separated by semicolons: <c>a.k.a. 'NAME'</c>, <c>alt. DOB 12 Jan 1960</c>,
/// <c>nationality Iran</c>, <c>citizen Iran</c>, <c>Passport A123456 (Iran)</c>.
/// </summary>
public static partial class OfacSdnReader
{
    public const string DefaultSourceList = "OFAC SDN";

    private const string FormatName = "ofac-sdn";
    private const int Columns = 12;

    // OFAC cuts the remarks column at this length, sometimes in the middle of an alias.
    private const int RemarksLimit = 1000;

    public static ParsedWatchlist Read(
        Stream stream, string sourceList = DefaultSourceList, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var text = new StreamReader(new ProgressStream(stream, progress), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, FormatName);
        var entries = new List<ParsedWatchlistEntry>();
        var skipped = new List<SkippedRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        while (csv.ReadRecord() is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.RecordLine;

            // The file ends with a DOS end-of-file character on a line of its own.
            if (fields is ["\u001a"] && text.Peek() < 0)
                break;
            if (fields.Count != Columns)
                throw Error(line, $"expected {Columns} fields, found {fields.Count}");

            var id = Value(fields[0]) ?? throw Error(line, "the entry number (column 1) is empty");
            if (!id.All(char.IsAsciiDigit))
                throw Error(line, $"the entry number '{id}' is not a number");
            if (!ids.Add(id))
                throw Error(line, $"entry number {id} appears twice");
            var name = Value(fields[1]) ?? throw Error(line, $"entry {id} has no name");
            var type = Value(fields[2]);
            var individual = type switch
            {
                null or "vessel" or "aircraft" => false,
                "individual" => true,
                _ => throw Error(line, $"entry {id} has an unknown type '{type}'"),
            };

            var programs = (Value(fields[3]) ?? "")
                .Split("] [", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Trim('[', ']', ' '))
                .Where(p => p.Length > 0)
                .ToList();
            var remarks = ReadRemarks(Value(fields[11]), line, id, skipped);

            string? family = null, given = null;
            var comma = name.IndexOf(", ", StringComparison.Ordinal);
            if (individual && comma > 0)
            {
                family = name[..comma].Trim();
                given = name[(comma + 2)..].Trim();
            }

            entries.Add(new ParsedWatchlistEntry
            {
                SourceId = id,
                SourceList = sourceList,
                PrimaryName = name,
                FamilyName = family,
                GivenNames = given,
                IsIndividual = individual,
                Aliases = remarks.Aliases,
                BirthDates = remarks.BirthDates,
                Nationalities = remarks.Nationalities,
                Passports = remarks.Passports,
                Programs = programs,
            });
        }

        var individuals = entries.Where(e => e.IsIndividual).ToList();
        var summary = new WatchlistParseSummary(
            individuals.Count,
            entries.Count - individuals.Count,
            individuals.Sum(e => e.Aliases.Count),
            entries.Where(e => !e.IsIndividual).Sum(e => e.Aliases.Count),
            skipped);
        return new ParsedWatchlist(sourceList, WatchlistFormat.OfacSdn, entries, summary);
    }

    private static Remarks ReadRemarks(string? remarks, long line, string id, List<SkippedRecord> skipped)
    {
        var result = new Remarks();
        if (remarks is null)
            return result;

        var truncated = remarks.Length >= RemarksLimit;
        var body = remarks.EndsWith('.') ? remarks[..^1] : remarks;
        var items = body.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var last = i == items.Length - 1;
            if (AliasItem().Match(item) is { Success: true } alias)
            {
                var kind = alias.Groups["kind"].Value switch
                {
                    "f" => AliasKind.FormerlyKnownAs,
                    "n" => AliasKind.NowKnownAs,
                    _ => AliasKind.AlsoKnownAs,
                };
                var aliasText = alias.Groups["rest"].Value;
                if (aliasText.Length < 2 || !aliasText.EndsWith('\''))
                {
                    skipped.Add(new SkippedRecord(line, id, last && truncated
                        ? $"alias '{aliasText.TrimStart('\'')}' is cut off where OFAC truncates the remarks"
                        : $"alias without a closing quote: {item}"));
                    continue;
                }

                var aliasName = aliasText[1..^1].Trim();
                if (aliasName.Length > 0)
                    result.Aliases.Add(new ParsedAlias(aliasName, kind, AliasQuality.Unspecified));
            }
            else if (DobItem().Match(item) is { Success: true } dob)
            {
                if (ParseDate(dob.Groups["date"].Value) is { } date)
                {
                    if (!result.BirthDates.Contains(date))
                        result.BirthDates.Add(date);
                }
                else
                {
                    skipped.Add(new SkippedRecord(line, id, $"unreadable birth date: {item}"));
                }
            }
            else if (NationalityItem().Match(item) is { Success: true } nationality)
            {
                var country = nationality.Groups["country"].Value;
                if (!result.Nationalities.Any(n => n.Text == country))
                    result.Nationalities.Add(new ParsedNationality(country, CountryNames.ToAlpha3(country)));
            }
            else if (PassportItem().Match(item) is { Success: true } passport)
            {
                if (ParsePassport(passport.Groups["rest"].Value) is { } p)
                    result.Passports.Add(p);
                else
                    skipped.Add(new SkippedRecord(line, id, $"unreadable passport number: {item}"));
            }
        }

        return result;
    }

    private static ParsedBirthDate? ParseDate(string text)
    {
        if (CircaRange().Match(text) is { Success: true } circaRange)
            return Between(Year(circaRange.Groups["from"].Value), Year(circaRange.Groups["to"].Value));
        // "circa 07 Jul 1966" is as vague as "circa 1966": only the year is kept.
        if (text.StartsWith("circa ", StringComparison.Ordinal))
            return ParseDate(text[6..]) is { IsRange: false } about ? ParsedBirthDate.Circa(about.FromYear) : null;

        var to = text.IndexOf(" to ", StringComparison.Ordinal);
        if (to > 0)
        {
            var from = ParseDate(text[..to]);
            var until = ParseDate(text[(to + 4)..]);
            return from is null || until is null ? null : Between(from.FromYear, until.ToYear);
        }

        string[] formats = ["dd MMM yyyy", "MMM yyyy", "yyyy"];
        for (var i = 0; i < formats.Length; i++)
        {
            if (DateTime.TryParseExact(text, formats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1000)
            {
                return i switch
                {
                    0 => ParsedBirthDate.Exact(d.Year, d.Month, d.Day),
                    1 => ParsedBirthDate.Exact(d.Year, d.Month),
                    _ => ParsedBirthDate.Exact(d.Year),
                };
            }
        }

        return null;
    }

    private static ParsedBirthDate? Between(int? from, int? to) =>
        from is null || to is null || to < from ? null : ParsedBirthDate.Between(from.Value, to.Value);

    private static int? Year(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999 ? y : null;

    private static ParsedPassport? ParsePassport(string text)
    {
        string? country = null;
        var number = text;
        var paren = text.IndexOf(" (", StringComparison.Ordinal);
        if (paren >= 0)
        {
            var close = text.IndexOf(')', paren);
            if (close > paren)
                country = text[(paren + 2)..close].Trim();
            number = text[..paren];
        }

        var tail = PassportTail().Match(number);
        if (tail.Success)
            number = number[..tail.Index];
        number = PassportPrefix().Replace(number, "").Trim().TrimEnd(',');
        if (number.EndsWith(", Diplomatic", StringComparison.Ordinal))
            number = number[..^", Diplomatic".Length];
        return PassportNumber().IsMatch(number) ? new ParsedPassport(number, country) : null;
    }

    private static WatchlistFormatException Error(long line, string problem) =>
        new(MessageText.OneLine($"{FormatName}: line {line}: {problem}."));

    private static string? Value(string field)
    {
        var v = field.Trim();
        return v.Length == 0 || v == "-0-" ? null : v;
    }

    [GeneratedRegex(@"^(?<kind>[afn])\.k\.a\.\s*(?<rest>'.*)$")]
    private static partial Regex AliasItem();

    [GeneratedRegex(@"^(?:alt\. )?DOB (?<date>.+)$")]
    private static partial Regex DobItem();

    [GeneratedRegex(@"^circa (?<from>\d{4})-(?<to>\d{4})$")]
    private static partial Regex CircaRange();

    [GeneratedRegex(@"^(?:alt\. )?(?:nationality|citizen) (?<country>.+)$")]
    private static partial Regex NationalityItem();

    [GeneratedRegex(@"^(?:alt\. )?(?:Diplomatic )?Passport (?<rest>.+)$")]
    private static partial Regex PassportItem();

    [GeneratedRegex(@"\s+(?:issued|expires|valid)\b")]
    private static partial Regex PassportTail();

    [GeneratedRegex(@"^(?:No\.:?|Booklet:?)\s*")]
    private static partial Regex PassportPrefix();

    // A number as OFAC writes it: letters, digits, spaces and a few separators, with at least one digit.
    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9 ./-]{0,24}$")]
    private static partial Regex PassportNumber();

    private sealed class Remarks
    {
        public List<ParsedAlias> Aliases { get; } = [];

        public List<ParsedBirthDate> BirthDates { get; } = [];

        public List<ParsedNationality> Nationalities { get; } = [];

        public List<ParsedPassport> Passports { get; } = [];
    }
}
