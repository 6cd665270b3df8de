using System.Text;

namespace Chancery.Core.Screening.Import;

/// <summary>
/// RFC 4180 records from a text reader, one at a time, with the line each record starts on.
/// Quoted fields may hold commas, doubled quotes and line breaks.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, string formatName)
{
    private readonly StringBuilder field = new();
    private long line = 1;

    /// <summary>The line the last record returned started on.</summary>
    public long RecordLine { get; private set; }

    public List<string>? ReadRecord()
    {
        if (reader.Peek() < 0)
            return null;

        RecordLine = line;
        var fields = new List<string>();
        field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                    throw new WatchlistFormatException($"{formatName}: line {RecordLine}: a quoted field is not closed before the end of the file.");
                fields.Add(field.ToString());
                return fields;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                case '"' when field.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                case '"':
                    throw new WatchlistFormatException($"{formatName}: line {line}: a quote inside an unquoted field.");
                default:
                    if (afterQuote)
                        throw new WatchlistFormatException($"{formatName}: line {line}: text after the closing quote of a field.");
                    field.Append(ch);
                    break;
            }
        }
    }
}
