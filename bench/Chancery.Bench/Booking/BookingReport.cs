using System.Globalization;
using System.Text.Json;

namespace Chancery.Bench.Booking;

/// <summary>What one run of the booking benchmark measured; written as JSON and printed as a table.</summary>
internal sealed record BookingReport(
    string Benchmark,
    string Command,
    string Date,
    string? Commit,
    string? UncommittedSourceFiles,
    BookingMachine Machine,
    BookingRun Run,
    int Slots,
    int Attempts,
    int Booked,
    int DoubleBooked,
    int IdentitiesWithTwoBookings,
    int SlotsLeftWhileDemand,
    double BookingsPerSecond,
    double P50Ms,
    double P99Ms,
    double RawSqlPerSecond,
    double Ratio)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Print(TextWriter o)
    {
        var r = Run;
        o.WriteLine();
        o.WriteLine(F($"Booking benchmark — PostgreSQL {Machine.Postgres}, {Machine.ProcessorCount} cores, {Machine.Runtime}"));
        o.WriteLine(F($"  source     commit {Commit ?? "unknown"}, uncommitted files under src/ and bench/: {UncommittedSourceFiles ?? "unknown"}"));
        o.WriteLine(F($"  workload   {Slots:N0} slots released at once, {Attempts:N0} verified identities, POST premier=true, {r.Concurrency} in flight"));
        o.WriteLine(F($"  HTTP       {r.HttpSeconds:0.000} s: {r.HttpBooked:N0} booked, {r.HttpNoneLeft:N0} told none left, {r.HttpOther:N0} other answers; {r.HttpRequestsPerSecond:N0} requests/s"));
        o.WriteLine(F($"  raw SQL    {r.RawSeconds:0.000} s: {r.RawBooked:N0} booked, {r.RawNoneLeft:N0} none left, {r.RawOther:N0} other; p50 {r.RawP50Ms:0.0} ms, p99 {r.RawP99Ms:0.0} ms"));
        foreach (var (answer, count) in r.OtherAnswers)
            o.WriteLine(F($"  other HTTP answer ×{count:N0}: {answer}"));
        o.WriteLine();
        o.WriteLine("  measure                                  value         target     met");
        Row(o, "slots", F($"{Slots:N0}"), string.Empty, null);
        Row(o, "attempts", F($"{Attempts:N0}"), string.Empty, null);
        Row(o, "booked", F($"{Booked:N0}"), string.Empty, null);
        Row(o, "double-booked slots", F($"{DoubleBooked:N0}"), "0", DoubleBooked == 0);
        Row(o, "identities with two bookings", F($"{IdentitiesWithTwoBookings:N0}"), "0", IdentitiesWithTwoBookings == 0);
        Row(o, "slots left while demand remained", F($"{SlotsLeftWhileDemand:N0}"), "0", SlotsLeftWhileDemand == 0);
        Row(o, "bookings/s over HTTP", F($"{BookingsPerSecond:N1}"), string.Empty, null);
        Row(o, "bookings/s, raw SQL (Npgsql)", F($"{RawSqlPerSecond:N1}"), string.Empty, null);
        Row(o, "ratio HTTP / raw SQL", F($"{Ratio:0.000}"), "≥ 0.4", Ratio >= 0.4);
        Row(o, "latency p50 (POST)", F($"{P50Ms:0.0} ms"), string.Empty, null);
        Row(o, "latency p99 (POST)", F($"{P99Ms:0.0} ms"), "≤ 100 ms", P99Ms <= 100);
    }

    private static void Row(TextWriter o, string label, string value, string target, bool? met) =>
        o.WriteLine(F($"  {label,-40} {value,-13} {target,-10} {(met is null ? string.Empty : met.Value ? "yes" : "NO")}"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

internal sealed record BookingMachine(int ProcessorCount, string Os, string Runtime, string Postgres);

/// <summary>How the run was made and what each phase saw, beside the headline figures.</summary>
internal sealed record BookingRun(
    int Concurrency,
    double HttpSeconds,
    double HttpRequestsPerSecond,
    int HttpBooked,
    int HttpNoneLeft,
    int HttpOther,
    IReadOnlyDictionary<string, int> OtherAnswers,
    double RawSeconds,
    int RawBooked,
    int RawNoneLeft,
    int RawOther,
    double RawP50Ms,
    double RawP99Ms,
    int RawDoubleBooked);
