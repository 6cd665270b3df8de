using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chancery.Core.Appointments;

// The JSON the signature covers: keys sorted (by UTF-16 code units, as JavaScript sorts), no spaces,
// strings escaped as JSON.stringify escapes them and numbers written as JavaScript writes them.
internal static class AltchaCanonicalJson
{
    public static string Write(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    public static string Write(AltchaParameters p)
    {
        var text = new StringBuilder();
        text.Append("{\"algorithm\":");
        WriteString(p.Algorithm, text);
        text.Append(",\"cost\":").Append(p.Cost.ToString(CultureInfo.InvariantCulture));
        text.Append(",\"data\":{\"action\":");
        WriteString(p.Action, text);
        text.Append("},\"expiresAt\":").Append(p.ExpiresAt.ToString(CultureInfo.InvariantCulture));
        text.Append(",\"keyLength\":").Append(p.KeyLength.ToString(CultureInfo.InvariantCulture));
        text.Append(",\"keyPrefix\":");
        WriteString(p.KeyPrefix, text);
        text.Append(",\"keySignature\":");
        WriteString(p.KeySignature, text);
        text.Append(",\"nonce\":");
        WriteString(p.Nonce, text);
        text.Append(",\"salt\":");
        WriteString(p.Salt, text);
        text.Append('}');
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                        text.Append(',');
                    first = false;
                    WriteString(property.Name, text);
                    text.Append(':');
                    Write(property.Value, text);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                        text.Append(',');
                    Write(item, text);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                WriteNumber(element, text);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // JavaScript writes integers up to 1e21 in full and other numbers as their shortest round-trip form;
    // a number we did not sign simply fails the signature.
    private static void WriteNumber(JsonElement element, StringBuilder text)
    {
        if (element.TryGetInt64(out var whole))
            text.Append(whole.ToString(CultureInfo.InvariantCulture));
        else
        {
            var value = element.GetDouble();
            text.Append(value == Math.Floor(value) && Math.Abs(value) < 1e21
                ? value.ToString("F0", CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // A well-formed surrogate pair is written as it is; only a lone half is escaped.
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
