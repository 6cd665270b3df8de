using System.Text.Encodings.Web;
using System.Text.Json;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Web.Cli;

// chancery mrz parse LINE [LINE [LINE]]: prints what the zone says as JSON. A readable zone exits 0
// even when it is invalid ("valid": false, with the problems); unreadable input and wrong usage exit 2.
internal static class MrzCli
{
    private const string Usage = "usage: chancery mrz parse LINE [LINE [LINE]]";

    // Fillers (<) are printed as they are: this JSON goes to a terminal or a pipe, never into HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args.Count == 1 && args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        if (args.Count is < 2 or > 4 || args[0] != "parse")
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        MrzReading reading;
        try
        {
            reading = MrzParser.Parse(args.Skip(1));
        }
        catch (MrzFormatException e)
        {
            stderr.WriteLine($"chancery mrz: {e.Message}");
            return 2;
        }

        stdout.WriteLine(ToJson(reading));
        return 0;
    }

    private static string ToJson(MrzReading reading)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", reading.Format.ToString());
            json.WriteBoolean("valid", reading.Valid);
            json.WriteString("documentCode", reading.DocumentCode);
            json.WriteString("issuingState", reading.IssuingState);
            json.WriteString("surname", reading.Surname);
            json.WriteString("givenNames", reading.GivenNames);
            json.WriteString("documentNumber", reading.DocumentNumber);
            json.WriteString("nationality", reading.Nationality);
            json.WriteString("birthDate", reading.BirthDate);
            json.WriteString("sex", reading.Sex);
            json.WriteString("expiryDate", reading.ExpiryDate);
            json.WriteString("optionalData", reading.OptionalData);

            json.WriteStartObject("checks");
            json.WriteBoolean("documentNumber", reading.Checks.DocumentNumber);
            json.WriteBoolean("birthDate", reading.Checks.BirthDate);
            json.WriteBoolean("expiryDate", reading.Checks.ExpiryDate);
            if (reading.Checks.OptionalData is { } optionalData)
            {
                json.WriteBoolean("optionalData", optionalData);
            }

            if (reading.Checks.Composite is { } composite)
            {
                json.WriteBoolean("composite", composite);
            }

            json.WriteEndObject();

            json.WriteStartArray("problems");
            foreach (var problem in reading.Problems)
            {
                json.WriteStringValue(problem);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
