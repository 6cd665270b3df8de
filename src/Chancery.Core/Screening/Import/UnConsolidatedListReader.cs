using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Chancery.Core.Screening.Import;

/// <summary>
/// Reads the UN Security Council consolidated list XML one INDIVIDUAL or ENTITY at a time: only the
/// element being read is held in memory. DTDs are refused and nothing outside the file is resolved.
/// </summary>
public static partial class UnConsolidatedListReader
{
    public const string DefaultSourceList = "UN Security Council consolidated list";

    private const string FormatName = "un-xml";

    public static ParsedWatchlist Read(
        Stream stream, string sourceList = DefaultSourceList, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };

        var entries = new List<ParsedWatchlistEntry>();
        var skipped = new List<SkippedRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var where = "the document";
        using var xml = XmlReader.Create(new ProgressStream(stream, progress), settings);
        var lineInfo = (IXmlLineInfo)xml;
        try
        {
            if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "CONSOLIDATED_LIST")
                throw Error($"{xml.LocalName} at line {lineInfo.LineNumber}", "the root element must be CONSOLIDATED_LIST");

            while (xml.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName is not ("INDIVIDUAL" or "ENTITY"))
                    continue;

                var line = lineInfo.LineNumber;
                where = $"{xml.LocalName} at line {line}";
                XElement element;
                using (var subtree = xml.ReadSubtree())
                    element = XElement.Load(subtree, LoadOptions.SetLineInfo);

                var entry = ReadEntry(element, sourceList, line, where, skipped);
                if (!ids.Add(entry.SourceId))
                    throw Error(where, $"DATAID {entry.SourceId} appears twice");
                entries.Add(entry);
                where = "the document";
            }
        }
        catch (XmlException e)
        {
            // The refusal of a DTD comes without a position: it can only be in the prolog.
            var at = e.LineNumber > 0 ? $"at line {e.LineNumber}, position {e.LinePosition}" : "before the root element";
            throw new WatchlistFormatException(MessageText.OneLine($"{FormatName}: {where}: malformed XML {at}: {FirstLine(e.Message)}"), e);
        }

        var individuals = entries.Where(e => e.IsIndividual).ToList();
        var summary = new WatchlistParseSummary(
            individuals.Count,
            entries.Count - individuals.Count,
            individuals.Sum(e => e.Aliases.Count),
            entries.Where(e => !e.IsIndividual).Sum(e => e.Aliases.Count),
            skipped);
        return new ParsedWatchlist(sourceList, WatchlistFormat.UnXml, entries, summary);
    }

    private static ParsedWatchlistEntry ReadEntry(XElement element, string sourceList, long line, string where, List<SkippedRecord> skipped)
    {
        var individual = element.Name.LocalName == "INDIVIDUAL";
        var id = Text(element.Element("DATAID")) ?? throw Error(where, "DATAID is missing");
        string[] nameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];
        var name = Collapse(string.Join(' ', nameParts.Select(p => Known(element.Element(p))).OfType<string>()));
        if (name.Length == 0)
            throw Error(where, $"DATAID {id} has no FIRST_NAME");

        var aliasElement = individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
        var aliases = element.Elements(aliasElement)
            .Select(a => (Name: Text(a.Element("ALIAS_NAME")), Quality: Text(a.Element("QUALITY"))))
            .Where(a => a.Name is not null)
            .Select(a => new ParsedAlias(Collapse(a.Name!), AliasKind.AlsoKnownAs, a.Quality switch
            {
                "Good" => AliasQuality.Good,
                "Low" => AliasQuality.Low,
                _ => AliasQuality.Unspecified,
            }))
            .ToList();

        var birthDates = new List<ParsedBirthDate>();
        foreach (var dob in element.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            var date = ReadBirthDate(dob, id, where);
            if (date is not null && !birthDates.Contains(date))
                birthDates.Add(date);
            else if (date is null && Text(dob.Element("NOTE")) is { } note)
                skipped.Add(new SkippedRecord(line, id, $"date of birth without a date: {note}"));
        }

        var nationalities = element.Elements("NATIONALITY").Elements("VALUE")
            .Select(Known).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(n => new ParsedNationality(n, CountryNames.ToAlpha3(n)))
            .ToList();

        var passports = new List<ParsedPassport>();
        foreach (var document in element.Elements("INDIVIDUAL_DOCUMENT"))
        {
            if (!IsPassport(Text(document.Element("TYPE_OF_DOCUMENT"))) && !IsPassport(Text(document.Element("TYPE_OF_DOCUMENT2"))))
                continue;
            if (Text(document.Element("NUMBER")) is not { } numberText)
                continue;
            var country = Text(document.Element("ISSUING_COUNTRY")) ?? Text(document.Element("COUNTRY_OF_ISSUE"));
            if (PassportNumber(numberText) is { } number)
                passports.Add(new ParsedPassport(number, country) { SourceText = number == numberText ? null : numberText });
            else
                skipped.Add(new SkippedRecord(line, id, $"passport without a number: {numberText}"));
        }

        return new ParsedWatchlistEntry
        {
            SourceId = id,
            SourceList = sourceList,
            PrimaryName = name,
            IsIndividual = individual,
            Aliases = aliases,
            OriginalScriptNames = element.Elements("NAME_ORIGINAL_SCRIPT").Select(Text).OfType<string>().ToList(),
            BirthDates = birthDates,
            Nationalities = nationalities,
            Passports = passports,
            Programs = Text(element.Element("UN_LIST_TYPE")) is { } list ? [list] : [],
            Reason = Text(element.Element("COMMENTS1")),
        };
    }

    private static ParsedBirthDate? ReadBirthDate(XElement dob, string id, string where)
    {
        var type = Text(dob.Element("TYPE_OF_DATE"));
        var date = Text(dob.Element("DATE"));
        var year = Text(dob.Element("YEAR"));
        var from = Text(dob.Element("FROM_YEAR"));
        var to = Text(dob.Element("TO_YEAR"));
        var at = $"{where}: DATAID {id}, INDIVIDUAL_DATE_OF_BIRTH at line {((IXmlLineInfo)dob).LineNumber}";

        if (from is not null || to is not null)
        {
            if (Year(from) is not { } f || Year(to) is not { } t || t < f)
                throw Error(at, $"FROM_YEAR '{from}' and TO_YEAR '{to}' are not a range of years");
            return ParsedBirthDate.Between(f, t);
        }

        if (date is not null)
        {
            // DATE is an xs:date, sometimes with a time zone (1960-01-01-05:00) that does not change the calendar day.
            if (date.Length == 16 && date[10] is '+' or '-' && date[13] == ':')
                date = date[..10];
            else if (date.Length == 11 && date[10] == 'Z')
                date = date[..10];
            if (!ParsedBirthDate.TryParse(date, out var parsed) || parsed!.Approximate || parsed.IsRange)
                throw Error(at, $"DATE '{date}' is not a date");
            return type == "APPROXIMATELY" ? ParsedBirthDate.Circa(parsed.FromYear) : parsed;
        }

        if (year is not null)
        {
            if (Year(year) is not { } y)
                throw Error(at, $"YEAR '{year}' is not a year");
            return type == "APPROXIMATELY" ? ParsedBirthDate.Circa(y) : ParsedBirthDate.Exact(y);
        }

        return null;
    }

    // NUMBER is free text: "D 000974", but also "Libyan Passport No. 96/184442", "381110042 (Expired 25 Jan. 2016)"
    // or "R00012098, South Sudan". The number is the last word with a digit, with a short capital prefix
    // before it ("RL 0736643", "A 0139243") kept.
    private static string? PassportNumber(string text)
    {
        if (CleanNumber().IsMatch(text))
            return text;
        var words = Parenthetical().Replace(text.Split(',')[0], " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.TrimEnd('.', ';', ':'))
            .ToList();
        var last = words.FindLastIndex(w => w.Any(char.IsAsciiDigit));
        if (last < 0)
            return null;
        return last > 0 && PrefixWord().IsMatch(words[last - 1]) ? $"{words[last - 1]} {words[last]}" : words[last];
    }

    [GeneratedRegex(@"^(?=.*\d)[A-Z0-9][A-Z0-9 ./-]{0,24}$")]
    private static partial Regex CleanNumber();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^[A-Z]{1,3}$")]
    private static partial Regex PrefixWord();

    private static bool IsPassport(string? type) =>
        type is not null
        && (type.Contains("passport", StringComparison.OrdinalIgnoreCase)
            || type.Contains("passeport", StringComparison.OrdinalIgnoreCase)
            || type.Contains("pasaporte", StringComparison.OrdinalIgnoreCase));

    private static int? Year(string? s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999 ? y : null;

    private static string? Text(XElement? element)
    {
        var v = element?.Value.Trim();
        return string.IsNullOrEmpty(v) ? null : v;
    }

    // The list writes "na" (not available) in a few name parts and nationalities.
    private static string? Known(XElement? element) =>
        Text(element) is { } v && !v.Equals("na", StringComparison.OrdinalIgnoreCase) ? v : null;

    private static string Collapse(string s) =>
        string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string FirstLine(string s)
    {
        var end = s.IndexOfAny(['\r', '\n']);
        return end < 0 ? s : s[..end];
    }

    private static WatchlistFormatException Error(string where, string problem) =>
        new(MessageText.OneLine($"{FormatName}: {where}: {problem}."));
}
