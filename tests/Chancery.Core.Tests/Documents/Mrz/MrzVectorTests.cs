using System.Text.Json;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Tests.Documents.Mrz;

public sealed class MrzVectorTests
{
    public static IEnumerable<object[]> Vectors => MrzVectors.Indices();

    [Fact]
    public void Load_SharedFile_HasSixtyVectors()
    {
        Assert.Equal(60, MrzVectors.Items.Count);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Parse_Vector_MatchesFormatValidityFieldsAndCheckDigits(int index)
    {
        var vector = MrzVectors.Items[index];
        var lines = vector.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();

        var reading = MrzParser.Parse(lines);

        Assert.Equal(vector.GetProperty("format").GetString(), reading.Format.ToString());
        Assert.True(
            vector.GetProperty("valid").GetBoolean() == reading.Valid,
            $"vector {index}: expected valid={vector.GetProperty("valid").GetBoolean()}; problems: {string.Join("; ", reading.Problems)}");

        if (vector.TryGetProperty("fields", out var fields))
        {
            foreach (var field in fields.EnumerateObject())
            {
                Assert.True(
                    field.Value.GetString() == Field(reading, field.Name),
                    $"vector {index}: {field.Name} expected '{field.Value.GetString()}', read '{Field(reading, field.Name)}'");
            }
        }

        // A digit the vector does not list is one the format does not have: it must be absent.
        var expectedChecks = vector.GetProperty("recomputed_check_digits");
        foreach (var name in (string[])["doc", "dob", "exp", "opt", "composite"])
        {
            bool? expected = expectedChecks.TryGetProperty(name, out var value) ? value.GetBoolean() : null;
            Assert.True(
                expected == Check(reading.Checks, name),
                $"vector {index}: check {name} expected {expected?.ToString() ?? "absent"}, read {Check(reading.Checks, name)?.ToString() ?? "absent"}");
        }
    }

    private static string Field(MrzReading reading, string name) => name switch
    {
        "document_number" => reading.DocumentNumber,
        "surname" => reading.Surname,
        "given_names" => reading.GivenNames,
        "nationality" => reading.Nationality,
        "birth_date" => reading.BirthDate,
        "sex" => reading.Sex,
        "expiry_date" => reading.ExpiryDate,
        "issuing_state" => reading.IssuingState,
        "optional_data" => reading.OptionalData,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Field not known to the test."),
    };

    private static bool? Check(MrzChecks checks, string name) => name switch
    {
        "doc" => checks.DocumentNumber,
        "dob" => checks.BirthDate,
        "exp" => checks.ExpiryDate,
        "opt" => checks.OptionalData,
        "composite" => checks.Composite,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Check not known to the test."),
    };
}
