using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Npgsql;

namespace Chancery.Bench.Booking;

/// <summary>
/// <c>scripts/bench.sh booking</c>: on a throwaway PostgreSQL cluster, the real application on Kestrel, one
/// service with its slots released at once, and ten times as many verified identities posting "the
/// earliest free slot" concurrently over loopback HTTP; then the database is checked (no slot twice, no
/// identity twice, no slot left while people were turned away), and the same transaction is timed
/// straight through Npgsql on another service of the same database.
/// </summary>
internal static class BookingBenchmark
{
    private const int WarmUpAttempts = 3_000;

    private static readonly long Started = Stopwatch.GetTimestamp();

    public static int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BookingBenchOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine($"bench booking: {error}. {BookingBenchOptions.Usage}");
            return 2;
        }

        var repository = Repository();
        if (repository is null)
        {
            Console.Error.WriteLine("bench booking: run it inside the repository (no Chancery.slnx above the current directory).");
            return 2;
        }

        Log("starting a throwaway PostgreSQL cluster and a migrated database");
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var post = await BookingSeed.CreatePostAsync(database.NewContext);
        Log($"seeding two services of {options.Slots:N0} released slots and {options.Attempts:N0} verified requests each (one for HTTP, one for raw SQL), and two to warm up");
        var viaHttp = await BookingSeed.CreateAsync(database.NewContext, post, ServiceKind.Passport, options.Slots, options.Attempts, "H", now);
        var viaSql = await BookingSeed.CreateAsync(database.NewContext, post, ServiceKind.BirthReport, options.Slots, options.Attempts, "S", now);
        // Both paths are warmed on services of their own first, successes and refusals alike, so the timed
        // phases run tiered-up code (a first profile showed the POST handler still at tier 0 and the JIT busy).
        var (warmSlots, warmAttempts) = (Math.Max(1, WarmUpAttempts / 5), WarmUpAttempts);
        var warmHttp = await BookingSeed.CreateAsync(database.NewContext, post, ServiceKind.ShortStayVisa, warmSlots, warmAttempts, "W", now);
        var warmSql = await BookingSeed.CreateAsync(database.NewContext, post, ServiceKind.LongStayVisa, warmSlots, warmAttempts, "V", now);

        Log("starting the application (Release, Production environment) on a loopback port");
        HttpBookingRun.Figures http;
        var app = await AppUnderTest.StartAsync(repository, database.Settings());
        await using (app)
        {
            using var client = new HttpClient(HttpBookingRun.Handler(options.Concurrency)) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
            Log($"app ready at {app.Address}; warming up with {warmAttempts:N0} bookings on another service ({warmSlots:N0} slots)");
            await HttpBookingRun.RunAsync(client, [.. warmHttp.Requests.Select(r => r.Token)], options.Concurrency, _ => { });
            await Task.Delay(TimeSpan.FromSeconds(3));
            Log($"fetching {options.Attempts:N0} slot pages");
            http = await HttpBookingRun.RunAsync(client, [.. viaHttp.Requests.Select(r => r.Token)], options.Concurrency, Log);
            Log(F($"HTTP phase: {http.Seconds:0.00} s, {http.Booked:N0} booked; stopping the app"));
        }

        if (http.Other > 0)
            Log($"the app's log, kept for the unexpected answers: {app.LogFile}");
        else
            app.Delete();

        var check = await CheckAsync(database.ConnectionString, viaHttp.ServiceId);
        Log($"raw SQL phase: {options.Attempts:N0} transactions, {options.Concurrency} at once");
        await RawSqlBookingRun.RunAsync(database.ConnectionString, post.Id, warmSql.ServiceId, Attempts(warmSql, "V"), options.Concurrency);
        var raw = await RawSqlBookingRun.RunAsync(database.ConnectionString, post.Id, viaSql.ServiceId, Attempts(viaSql, "S"), options.Concurrency);
        var rawCheck = await CheckAsync(database.ConnectionString, viaSql.ServiceId);
        Log(F($"raw SQL phase: {raw.Seconds:0.00} s, {raw.Booked:N0} booked"));

        var httpSorted = http.LatenciesMs.Order().ToArray();
        var rawSorted = raw.LatenciesMs.Order().ToArray();
        var failed = http.NoneLeft + http.Other;
        var bookingsPerSecond = check.Booked / http.Seconds;
        var rawPerSecond = rawCheck.Booked / raw.Seconds;
        var machine = new BookingMachine(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, check.ServerVersion);
        var run = new BookingRun(
            options.Concurrency, Round(http.Seconds, 3), Round(options.Attempts / http.Seconds, 1), http.Booked, http.NoneLeft, http.Other, http.OtherAnswers,
            Round(raw.Seconds, 3), raw.Booked, raw.NoneLeft, raw.Other, Round(Percentile(rawSorted, 0.50), 2), Round(Percentile(rawSorted, 0.99), 2), rawCheck.DoubleBooked);
        var report = new BookingReport(
            "booking",
            "scripts/bench.sh booking" + string.Concat(args.Select(a => " " + a)),
            TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("CHANCERY_BENCH_COMMIT"),
            Environment.GetEnvironmentVariable("CHANCERY_BENCH_UNCOMMITTED"),
            machine,
            run,
            check.Slots,
            options.Attempts,
            check.Booked,
            check.DoubleBooked,
            check.IdentitiesWithTwoBookings,
            failed > 0 ? check.ReleasedLeft : 0,
            Round(bookingsPerSecond, 1),
            Round(Percentile(httpSorted, 0.50), 2),
            Round(Percentile(httpSorted, 0.99), 2),
            Round(rawPerSecond, 1),
            Round(bookingsPerSecond / rawPerSecond, 3));
        report.Print(Console.Out);
        if (check.Booked != http.Booked || check.SlotsBooked != check.Booked)
            Console.WriteLine(F($"  warning: {http.Booked:N0} redirects to a booking, {check.Booked:N0} bookings and {check.SlotsBooked:N0} slots marked booked in the database"));

        var path = options.Out is { } given ? Path.GetFullPath(given) : Path.Combine(repository, "bench", "results", "booking.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.ToJson() + "\n");
        Console.WriteLine();
        Console.WriteLine($"  written to {path}");
        return 0;
    }

    // The seed's document numbers and e-mail addresses, which the raw transaction copies into the booking as the app does from the request.
    private static List<RawSqlBookingRun.Attempt> Attempts(BookingSeed seed, string prefix) =>
        [.. seed.Requests.Select((r, i) => new RawSqlBookingRun.Attempt(r.Id, F($"{prefix}{i:D7}"), F($"person{i}@example.org")))];

    private sealed record Check(string ServerVersion, int Slots, int Booked, int SlotsBooked, int ReleasedLeft, int DoubleBooked, int IdentitiesWithTwoBookings);

    // Straight from the tables, whatever the answers said.
    private static async Task<Check> CheckAsync(string connectionString, int serviceId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<int> Count(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new() { Value = serviceId });
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        return new Check(
            (string)(await version.ExecuteScalarAsync())!,
            await Count("""SELECT count(*) FROM "Slots" WHERE "ServiceId" = $1"""),
            await Count("""SELECT count(*) FROM "Bookings" WHERE "ServiceId" = $1"""),
            await Count("""SELECT count(*) FROM "Slots" WHERE "ServiceId" = $1 AND "State" = 'Booked'"""),
            await Count("""SELECT count(*) FROM "Slots" WHERE "ServiceId" = $1 AND "State" = 'Released'"""),
            // No booking of this run ends, so any two bookings of one slot are a double booking.
            await Count("""SELECT count(*) FROM (SELECT "SlotId" FROM "Bookings" WHERE "ServiceId" = $1 GROUP BY "SlotId" HAVING count(*) > 1) d"""),
            await Count("""
                SELECT count(*) FROM (SELECT 1 FROM "Bookings" WHERE "ServiceId" = $1
                                      GROUP BY "IssuingState", "DocumentNumber" HAVING count(*) > 1) d
                """));
    }

    private static string? Repository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chancery.slnx")))
                return dir.FullName;
        }

        return null;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double value, int digits) => Math.Round(value, digits);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Log(string message) =>
        Console.Error.WriteLine(F($"[{Stopwatch.GetElapsedTime(Started).TotalSeconds,7:0.0} s] {message}"));
}
