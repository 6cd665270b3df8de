using System.Globalization;
using System.Text.Json;

namespace Chancery.Bench.Breach;

/// <summary>What one run of the breach benchmark measured; written as JSON and printed as a table.</summary>
internal sealed record BreachBenchReport(
    string Benchmark,
    string Command,
    string Date,
    string? Commit,
    string? UncommittedSourceFiles,
    BreachMachine Machine,
    string LeafHashes,
    int Entries,
    int Subjects,
    int CompromisedEntries,
    string Window,
    int MatchedEntries,
    int ExpectedMatchedEntries,
    int People,
    int ExpectedPeople,
    long Records,
    int Notices,
    double SeedSeconds,
    double QuerySeconds,
    double WriteSeconds,
    double Seconds,
    double PeakWorkingSetMb,
    string PeakWorkingSetScope)
{
    public const double TargetSeconds = 60;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool Met => Seconds < TargetSeconds && MatchedEntries == ExpectedMatchedEntries && People == ExpectedPeople;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine(F($"Breach report benchmark — PostgreSQL {Machine.Postgres}, {Machine.ProcessorCount} cores, {Machine.Runtime}"));
        o.WriteLine(F($"  source     commit {Commit ?? "unknown"}, uncommitted files under src/ and bench/: {UncommittedSourceFiles ?? "unknown"}"));
        o.WriteLine(F($"  log        {Entries:N0} audit entries about {Subjects:N0} people; the compromised account has {CompromisedEntries:N0}; seeded in {SeedSeconds:0.0} s"));
        o.WriteLine(F($"  window     {Window}"));
        o.WriteLine();
        o.WriteLine("  measure                                  value         target     met");
        Row(o, "entries of the account in the window", F($"{MatchedEntries:N0}"), F($"{ExpectedMatchedEntries:N0}"), MatchedEntries == ExpectedMatchedEntries);
        Row(o, "people named", F($"{People:N0}"), F($"{ExpectedPeople:N0}"), People == ExpectedPeople);
        Row(o, "records", F($"{Records:N0}"), string.Empty, null);
        Row(o, "notices written (fr + en)", F($"{Notices:N0}"), string.Empty, null);
        Row(o, "query and people read", F($"{QuerySeconds:0.00} s"), string.Empty, null);
        Row(o, "files written", F($"{WriteSeconds:0.00} s"), string.Empty, null);
        Row(o, "report, wall time", F($"{Seconds:0.00} s"), "< 60 s", Seconds < TargetSeconds);
        Row(o, "peak working set", F($"{PeakWorkingSetMb:N0} MB"), string.Empty, null);
    }

    private static void Row(TextWriter o, string label, string value, string target, bool? met) =>
        o.WriteLine(F($"  {label,-40} {value,-13} {target,-10} {(met is null ? string.Empty : met.Value ? "yes" : "NO")}"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

internal sealed record BreachMachine(int ProcessorCount, string Os, string Runtime, string Postgres);
