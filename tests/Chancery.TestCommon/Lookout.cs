using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chancery.Core.Screening;
using Chancery.Core.Screening.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.TestCommon;

/// <summary>A person to put on a national lookout list in a test, in Chancery's CSV columns.</summary>
public sealed record ListedPerson(string Surname, string GivenNames, string BirthDates = "", string Nationalities = "", string Aliases = "");

/// <summary>Puts people on a new lookout list through the same import staff use, then moves the clock past the change.</summary>
public static class Lookout
{
    public static async Task<string> ListAsync(this ChanceryApp app, params ListedPerson[] people)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(people);
        var csv = new StringBuilder("id,surname,given_names,aliases,birth_dates,nationalities,reason\n");
        for (var i = 0; i < people.Length; i++)
        {
            var p = people[i];
            csv.Append(CultureInfo.InvariantCulture, $"T-{i + 1},{Quote(p.Surname)},{Quote(p.GivenNames)},{Quote(p.Aliases)},{p.BirthDates},{p.Nationalities},Test entry\n");
        }

        var name = "Test lookout " + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var outcome = await app.WithServicesAsync(async sp =>
        {
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
            return await sp.GetRequiredService<ImportWatchlist>().ExecuteAsync(WatchlistFormat.ChanceryCsv, file, name, "test.csv", "test", null, CancellationToken.None);
        });
        if (!outcome.IsSuccess)
            throw new InvalidOperationException(outcome.Error.Message);
        // Screenings must postdate the change; the fake clock stands still unless moved.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return name;
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
