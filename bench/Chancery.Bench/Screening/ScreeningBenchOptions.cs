using System.Globalization;

namespace Chancery.Bench.Screening;

/// <summary>The options of <c>scripts/bench.sh screening</c>.</summary>
internal sealed record ScreeningBenchOptions
{
    public const string Usage =
        "usage: scripts/bench.sh screening [--entries N] [--queries N] [--brute-entries N] [--brute-queries N] [--out PATH] [--seed N] [--shared PATH]";

    public int Entries { get; init; } = 1_000_000;

    public int Queries { get; init; } = 20_000;

    public int BruteEntries { get; init; } = 100_000;

    public int BruteQueries { get; init; } = 1_000;

    public string? Out { get; init; }

    public ulong Seed { get; init; } = 20261123;

    public string? Shared { get; init; }

    /// <summary>Reads the options; on a bad one, null and a one-line message.</summary>
    public static ScreeningBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new ScreeningBenchOptions();
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
                case "--queries" when Count(value, 2) is { } n:
                    options = options with { Queries = n };
                    break;
                case "--brute-entries" when Count(value, 0) is { } n:
                    options = options with { BruteEntries = n };
                    break;
                case "--brute-queries" when Count(value, 0) is { } n:
                    options = options with { BruteQueries = n };
                    break;
                case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--out" when value.Length > 0:
                    options = options with { Out = value };
                    break;
                case "--shared" when value.Length > 0:
                    options = options with { Shared = value };
                    break;
                case "--entries" or "--queries" or "--brute-entries" or "--brute-queries" or "--seed" or "--out" or "--shared":
                    error = $"bad value '{value}' for {name}";
                    return null;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }

        if (options.BruteEntries > options.Entries)
            options = options with { BruteEntries = options.Entries };
        if (options.BruteQueries > options.Queries)
            options = options with { BruteQueries = options.Queries };
        return options;
    }

    private static int? Count(string value, int minimum) =>
        int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n : null;
}
