using System.Globalization;

namespace Chancery.Bench.Booking;

/// <summary>The options of <c>scripts/bench.sh booking</c>.</summary>
internal sealed record BookingBenchOptions
{
    public const string Usage = "usage: scripts/bench.sh booking [--slots N] [--attempts N] [--concurrency N] [--out PATH]";

    /// <summary>The throwaway cluster allows 200 connections; the raw phase holds one per transaction in flight.</summary>
    public const int MaxConcurrency = 180;

    public int Slots { get; init; } = 1_000;

    public int Attempts { get; init; } = 10_000;

    /// <summary>Requests (or raw transactions) in flight at once.</summary>
    public int Concurrency { get; init; } = 64;

    public string? Out { get; init; }

    /// <summary>Reads the options; on a bad one, null and a one-line message.</summary>
    public static BookingBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new BookingBenchOptions();
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
                case "--slots" when Count(value, 1) is { } n:
                    options = options with { Slots = n };
                    break;
                case "--attempts" when Count(value, 1) is { } n:
                    options = options with { Attempts = n };
                    break;
                case "--concurrency" when Count(value, 1) is { } n && n <= MaxConcurrency:
                    options = options with { Concurrency = n };
                    break;
                case "--out" when value.Length > 0:
                    options = options with { Out = value };
                    break;
                case "--slots" or "--attempts" or "--concurrency" or "--out":
                    error = $"bad value '{value}' for {name}";
                    return null;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }

        return options;
    }

    private static int? Count(string value, int minimum) =>
        int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n : null;
}
