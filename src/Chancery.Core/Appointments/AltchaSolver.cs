using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chancery.Core.Appointments;

/// <summary>
/// Solves a challenge as the widget's PBKDF2 worker does (counter 0, 1, 2... until the derived key starts with
/// the prefix) and writes the payload the widget would post. For the tests and the booking benchmark, which
/// must pass the challenge without a browser; the app itself never calls it.
/// </summary>
public static class AltchaSolver
{
    /// <summary>The base64 payload for a challenge as served (<see cref="AltchaChallenge.Json"/>), or null when no counter up to <paramref name="maxCounter"/> solves it.</summary>
    public static string? Solve(string challengeJson, int maxCounter = 1_000_000)
    {
        using var document = JsonDocument.Parse(challengeJson);
        var root = document.RootElement;
        var parameters = root.GetProperty("parameters");
        var nonce = Convert.FromHexString(parameters.GetProperty("nonce").GetString()!);
        var salt = Convert.FromHexString(parameters.GetProperty("salt").GetString()!);
        var cost = parameters.GetProperty("cost").GetInt32();
        var keyLength = parameters.GetProperty("keyLength").GetInt32();
        var prefix = parameters.GetProperty("keyPrefix").GetString()!;
        var started = Stopwatch.GetTimestamp();
        for (var counter = 0; counter <= maxCounter; counter++)
        {
            var key = Convert.ToHexStringLower(AltchaChallenges.DeriveKey(nonce, salt, counter, cost, keyLength));
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var time = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var payload = new StringBuilder()
                .Append("{\"challenge\":{\"parameters\":").Append(parameters.GetRawText())
                .Append(",\"signature\":").Append(root.GetProperty("signature").GetRawText())
                .Append("},\"solution\":{\"counter\":").Append(counter.ToString(CultureInfo.InvariantCulture))
                .Append(",\"derivedKey\":\"").Append(key)
                .Append("\",\"time\":").Append(Math.Round(time, 1).ToString(CultureInfo.InvariantCulture))
                .Append("}}").ToString();
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
        }

        return null;
    }
}
