using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Chancery.Bench.Booking;

/// <summary>
/// The booking over loopback HTTP: each identity's slot page is fetched first (its antiforgery cookie and
/// token kept), then every "earliest free slot" POST is fired with a bounded number in flight, each timed.
/// One handler for all: the cookie goes in an explicit Cookie header, not a cookie container per person.
/// </summary>
internal static partial class HttpBookingRun
{
    /// <summary>What one POST answered, and how long it took (sent to body read).</summary>
    public enum Outcome
    {
        Booked,
        NoneLeft,
        Other,
    }

    public sealed record Figures(double Seconds, int Booked, int NoneLeft, int Other, double[] LatenciesMs, IReadOnlyDictionary<string, int> OtherAnswers);

    private sealed record Prepared(string Path, string Cookie, string AntiforgeryToken);

    public static SocketsHttpHandler Handler(int concurrency) => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = concurrency,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    };

    public static async Task<Figures> RunAsync(HttpClient client, IReadOnlyList<string> tokens, int concurrency, Action<string> log)
    {
        var prepared = new Prepared[tokens.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            prepared[i] = await PrepareAsync(client, "/rendez-vous/creneau/" + tokens[i], ct);
        });
        log($"{tokens.Count:N0} slot pages fetched (antiforgery cookie and token each); firing {tokens.Count:N0} bookings, {concurrency} in flight");

        var outcomes = new Outcome[tokens.Count];
        var latencies = new double[tokens.Count];
        var others = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var p = prepared[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, p.Path)
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", p.AntiforgeryToken), new("premier", "true")]),
            };
            request.Headers.Add("Cookie", p.Cookie);
            var t = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            var location = response.Headers.Location?.OriginalString ?? "";
            outcomes[i] = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/rendez-vous/gerer/", StringComparison.Ordinal) ? Outcome.Booked
                : response.StatusCode == HttpStatusCode.OK && NoneLeftMessage().IsMatch(body) ? Outcome.NoneLeft
                : Outcome.Other;
            if (outcomes[i] == Outcome.Other)
                others.AddOrUpdate($"{(int)response.StatusCode} {Summary(body)}", 1, (_, n) => n + 1);
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Figures(
            seconds, outcomes.Count(o => o == Outcome.Booked), outcomes.Count(o => o == Outcome.NoneLeft), outcomes.Count(o => o == Outcome.Other), latencies, others);
    }

    private static async Task<Prepared> PrepareAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        var token = AntiforgeryField().Match(body);
        if (!token.Success)
            throw new InvalidOperationException($"GET {path}: no antiforgery token in the form.");
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set)
            ? string.Join("; ", set.Select(c => c.Split(';', 2)[0]))
            : throw new InvalidOperationException($"GET {path}: no antiforgery cookie.");
        return new Prepared(path, cookies, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    // The error summary's first message, to tell the unexpected failures apart in the report.
    private static string Summary(string body)
    {
        var match = ErrorItem().Match(body);
        var text = match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : "(no error message)";
        return text.Length <= 120 ? text : text[..120];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    // appt.error.appointment.none-left, in French (the default language): "Aucun créneau n’est libre…".
    [GeneratedRegex("Aucun cr(é|&#xE9;)neau n")]
    private static partial Regex NoneLeftMessage();

    [GeneratedRegex("<li>\\s*<a[^>]*>([^<]*)</a>")]
    private static partial Regex ErrorItem();
}
