using System.Globalization;

namespace Chancery.Bench.Breach;

/// <summary>The options of <c>scripts/bench.sh breach</c>.</summary>
internal sealed record BreachBenchOptions
{
    public const string Usage = "usage: scripts/bench.sh breach [--entries N] [--subjects N] [--compromised N] [--out PATH]";

    /// <summary>Audit entries in the log.</summary>
    public int Entries { get; init; } = 1_000_000;

    /// <summary>People whose data the entries are about (each a <c>Person</c> row).</summary>
    public int Subjects { get; init; } = 100_000;

    /// <summary>Entries of the compromised account, spread over the whole log.</summary>
    public int Compromised { get; init; } = 20_000;

    public string? Out { get; init; }

    /// <summary>Reads the options; on a bad one, null and a one-line message.</summary>
    public static BreachBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new BreachBenchOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = name.StartsWith("--", StringComparison.Ordinal) ? $"{name} needs a value" : $"unknown argument '{name}'";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--entries" when Count(value, 1) is { } n:
                    options = options with { Entries = n };
                    break;
                case "--subjects" when Count(value, 1) is { } n:
                    options = options with { Subjects = n };
                    break;
                case "--compromised" when Count(value, 1) is { } n:
                    options = options with { Compromised = n };
                    break;
                case "--out" when value.Length > 0:
                    options = options with { Out = value };
                    break;
                case "--entries" or "--subjects" or "--compromised" or "--out":
                    error = $"bad value '{value}' for {name}";
                    return null;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }

        if (options.Compromised > options.Entries)
        {
            error = "--compromised is larger than --entries";
            return null;
        }

        return options;
    }

    private static int? Count(string value, int minimum) =>
        int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n : null;
}
