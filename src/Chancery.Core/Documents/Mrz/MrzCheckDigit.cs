namespace Chancery.Core.Documents.Mrz;

/// <summary>The Doc 9303 Part 3 check digit: values 0–9, A–Z = 10–35, &lt; = 0, weights 7, 3, 1, sum modulo 10.</summary>
public static class MrzCheckDigit
{
    /// <summary>The value of one MRZ character in the check digit sum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The character is not A–Z, 0–9 or &lt;.</exception>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "Only A-Z, 0-9 and < have a check digit value."),
    };

    /// <summary>The check digit ('0'–'9') of a field of MRZ characters.</summary>
    public static char Compute(ReadOnlySpan<char> field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i]) * (i % 3) switch { 0 => 7, 1 => 3, _ => 1 };
        }

        return (char)('0' + (sum % 10));
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{char})"/>
    public static char Compute(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Compute(field.AsSpan());
    }
}
