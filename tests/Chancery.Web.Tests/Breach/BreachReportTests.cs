using System.Globalization;
using Chancery.Core.Applications;
using Chancery.Core.Audit;
using Chancery.Core.Breach;
using Chancery.Core.Data;
using Chancery.Core.Persons;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Cli;
using Chancery.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Breach;

// One test reads people's files through the real staff case page, which appends the audit entries itself; the
// others append entries with AuditLog.AppendAsync, as the instrumented pages and API do, to cover what no page
// records yet (drafts, changes, API keys, components) with exact times (the app's clock is moved between appends).
public abstract class BreachReportTests(AppFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chancery-breach-").FullName;

    private ChanceryApp App => fixture.App;

    private sealed record Scenario(
        StaffUser Compromised, StaffUser Other, string ApiKeyName, DateTime From, DateTime To,
        Person Alice, Person Bob, Person Carol, Person Dave, Person Erin, ApplicationDraft Draft);

    [Fact]
    public async Task Report_ForACompromisedAccount_NamesExactlyThePeopleItReadInTheWindow()
    {
        var s = await SeedAsync();
        var output = Path.Combine(directory, "account");

        var (code, stdout, stderr) = await RunAsync("breach", "report", "--account", s.Compromised.UserName!, "--from", Iso(s.From), "--to", Iso(s.To), "--out", output);

        Assert.True(code == 0, stderr);
        var rows = await ReadPeopleAsync(output);
        Assert.Equal(
            new[] { "draft-" + s.Draft.Id, "person-" + s.Alice.Id, "person-" + s.Bob.Id }.Order(StringComparer.Ordinal),
            rows.Keys.Order(StringComparer.Ordinal));
        // Carol was read before the window, Dave after it, Erin only by the other account.
        var alice = rows["person-" + s.Alice.Id];
        Assert.Equal("Alice " + s.Alice.Surname, alice["name"]);
        Assert.Equal(s.Alice.Email, alice["contact"]);
        Assert.Equal("BirthDate GivenNames Nationality Surname", alice["fields"]);
        Assert.Equal("2", alice["accesses"]);
        Assert.Equal("no", alice["changed"]);
        Assert.Equal("yes", rows["person-" + s.Bob.Id]["changed"]);
        Assert.Equal("en", rows["draft-" + s.Draft.Id]["language"]);
        Assert.Equal("draft.person@example.net", rows["draft-" + s.Draft.Id]["contact"]);

        var aliceFr = await File.ReadAllTextAsync(Path.Combine(output, "notices", $"person-{s.Alice.Id}.fr.txt"));
        var aliceEn = await File.ReadAllTextAsync(Path.Combine(output, "notices", $"person-{s.Alice.Id}.en.txt"));
        Assert.Contains("date de naissance", aliceFr, StringComparison.Ordinal);
        Assert.Contains("nationalité", aliceFr, StringComparison.Ordinal);
        Assert.Contains("date of birth", aliceEn, StringComparison.Ordinal);
        Assert.DoesNotContain("postal address", aliceEn, StringComparison.Ordinal);
        Assert.Contains(s.Alice.Email!, aliceEn, StringComparison.Ordinal);
        Assert.Contains("[[TO COMPLETE:", aliceEn, StringComparison.Ordinal);
        Assert.Contains("[[À COMPLÉTER :", aliceFr, StringComparison.Ordinal);
        // The member of staff is not named to the people.
        Assert.DoesNotContain(s.Compromised.UserName!, aliceEn, StringComparison.Ordinal);
        var bobEn = await File.ReadAllTextAsync(Path.Combine(output, "notices", $"person-{s.Bob.Id}.en.txt"));
        Assert.Contains("postal address", bobEn, StringComparison.Ordinal);
        Assert.Contains("e-mail address", bobEn, StringComparison.Ordinal);
        Assert.Contains("read and changed", bobEn, StringComparison.Ordinal);
        Assert.DoesNotContain("date of birth", bobEn, StringComparison.Ordinal);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(output, "notices")).Length);

        var authority = await File.ReadAllTextAsync(Path.Combine(output, "authority-report.en.md"));
        var autorite = await File.ReadAllTextAsync(Path.Combine(output, "authority-report.fr.md"));
        Assert.Contains("72 hours", authority, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **3** |", authority, StringComparison.Ordinal);
        Assert.Contains("Records read or written: 3; accesses recorded: 4", authority, StringComparison.Ordinal);
        Assert.Contains("integrity (1 changes)", authority, StringComparison.Ordinal);
        Assert.Contains("72 heures", autorite, StringComparison.Ordinal);
        Assert.Contains("[[À COMPLÉTER :", autorite, StringComparison.Ordinal);
        Assert.Contains("people     3 (draft 1, person 2)", stdout, StringComparison.Ordinal);
        // The summary says how many, not who.
        Assert.DoesNotContain(s.Alice.Surname, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AfterReadsThroughTheStaffCasePage_NamesThePeopleWhoseFilesTheAccountOpenedInTheWindow()
    {
        var (post, clerk, compromised, other, _) = await CaseSteps.TeamAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var before = await CaseSteps.EnterAsync(App, clerk, CaseSteps.Passport(post, "Avant" + tag, "Anne"));
        var first = await CaseSteps.EnterAsync(App, clerk, CaseSteps.Passport(post, "Premier" + tag, "Paul"));
        var second = await CaseSteps.EnterAsync(App, clerk, CaseSteps.Passport(post, "Second" + tag, "Sara"));
        var elsewhere = await CaseSteps.EnterAsync(App, clerk, CaseSteps.Passport(post, "Autre" + tag, "Olga"));
        await OpenCasesAsync(compromised, before);
        App.Clock.Advance(TimeSpan.FromHours(1));
        var from = App.Clock.GetUtcNow().UtcDateTime;
        await OpenCasesAsync(compromised, first, second, first);
        await OpenCasesAsync(other, elsewhere);
        var to = App.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        App.Clock.Advance(TimeSpan.FromHours(2));
        await OpenCasesAsync(compromised, elsewhere);
        var applicants = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == first || c.Id == second)
            .Select(c => new { c.Id, c.ApplicantId }).ToDictionaryAsync(c => c.Id, c => c.ApplicantId));
        var output = Path.Combine(directory, "pages");

        var (code, _, stderr) = await RunAsync("breach", "report", "--account", compromised.UserName!, "--from", Iso(from), "--to", Iso(to), "--out", output);

        Assert.True(code == 0, stderr);
        var rows = await ReadPeopleAsync(output);
        Assert.Equal(
            new[] { "person-" + applicants[first], "person-" + applicants[second] }.Order(StringComparer.Ordinal),
            rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2", rows["person-" + applicants[first]]["accesses"]);
        Assert.Contains("PREMIER" + tag, rows["person-" + applicants[first]]["name"].ToUpperInvariant(), StringComparison.Ordinal);
        var notice = await File.ReadAllTextAsync(Path.Combine(output, "notices", $"person-{applicants[second]}.fr.txt"));
        Assert.Contains("date de naissance", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ForAnApiKeyOrAComponentPrefix_NamesThePeopleItTouched()
    {
        var s = await SeedAsync();

        var (byKey, _, keyError) = await RunAsync("breach", "report", "--apikey", s.ApiKeyName, "--from", Iso(s.From), "--to", Iso(s.To), "--out", Path.Combine(directory, "key"));
        var (byComponent, _, componentError) = await RunAsync("breach", "report", "--component", "api:/breach-test/" + s.ApiKeyName + "*", "--from", Iso(s.From), "--to", Iso(s.To), "--out", Path.Combine(directory, "component"));

        Assert.True(byKey == 0, keyError);
        Assert.True(byComponent == 0, componentError);
        Assert.Equal(["person-" + s.Erin.Id], (await ReadPeopleAsync(Path.Combine(directory, "key"))).Keys);
        Assert.Equal(["person-" + s.Erin.Id], (await ReadPeopleAsync(Path.Combine(directory, "component"))).Keys);
    }

    [Fact]
    public async Task Report_DetectedLongAgo_SaysTheDeadlineHasPassed()
    {
        var s = await SeedAsync();
        var output = Path.Combine(directory, "late");
        var detected = App.Clock.GetUtcNow().UtcDateTime.AddDays(-4);

        var (code, stdout, _) = await RunAsync("breach", "report", "--account", s.Compromised.UserName!, "--from", Iso(s.From), "--to", Iso(s.To), "--out", output, "--detected", Iso(detected));

        Assert.Equal(0, code);
        Assert.Contains("notify the authority by " + Iso(detected.AddHours(72)), stdout, StringComparison.Ordinal);
        Assert.Contains("reasons for the delay", await File.ReadAllTextAsync(Path.Combine(output, "authority-report.en.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--account", "agent-x", "--apikey", "key-x", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--account", "agent-x", "--from", "2026-01-01", "--to", "2026-12-31")]
    [InlineData("--account", "agent-x", "--from", "yesterday", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--account", "agent-x", "--from", "2026-02-30", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--account", "agent-x", "--from", "2026-12-31T00:00Z", "--to", "2026-01-01", "--out", "{out}")]
    [InlineData("--from", "2026-01-01", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--account", "agent-x", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{out}", "--verbose", "yes")]
    [InlineData("--account")]
    public async Task BadArguments_ExitWithCode2AndOneLine_BeforeTheDatabaseIsOpened(params string[] template)
    {
        var args = template.Select(a => a.Replace("{out}", Path.Combine(directory, "out"), StringComparison.Ordinal));

        var (code, stdout, stderr) = await RunCommandLineAsync(["breach", "report", .. args]);

        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("chancery breach: ", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(Path.Combine(directory, "out")));
    }

    [Theory]
    [InlineData("--account", "nobody-of-that-name", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--apikey", "no-such-key", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--account", "{account}", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{full}")]
    [InlineData("--account", "{account}", "--apikey", "{key}", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{out}")]
    [InlineData("--account", "{account}", "--from", "2026-12-31T00:00Z", "--to", "2026-01-01", "--out", "{out}")]
    public async Task UnknownSourceOrUsedFolder_ExitWithCode2AndOneLine(params string[] template)
    {
        var s = await SeedAsync();
        var full = Directory.CreateDirectory(Path.Combine(directory, "full")).FullName;
        await File.WriteAllTextAsync(Path.Combine(full, "people.csv"), "left from an earlier run");
        var args = template.Select(a => a
            .Replace("{account}", s.Compromised.UserName, StringComparison.Ordinal)
            .Replace("{key}", s.ApiKeyName, StringComparison.Ordinal)
            .Replace("{out}", Path.Combine(directory, "out"), StringComparison.Ordinal)
            .Replace("{full}", full, StringComparison.Ordinal));

        var (code, stdout, stderr) = await RunAsync(["breach", "report", .. args]);

        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(Path.Combine(directory, "out")));
        Assert.Equal(["people.csv"], Directory.GetFiles(full).Select(Path.GetFileName));
    }

    /// <summary>
    /// Five people, a draft, two accounts and an API key. The compromised account reads Carol before the
    /// window, Alice twice, Bob (a change) and the draft inside it, and Dave after it; the other account reads
    /// Alice and Erin inside it; the API key reads Erin inside it.
    /// </summary>
    private async Task<Scenario> SeedAsync()
    {
        var post = await App.CreatePostAsync();
        var compromised = await App.CreateStaffAsync(Role.Clerk, post);
        var other = await App.CreateStaffAsync(Role.Clerk, post);
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var keyName = "breach-key-" + tag.ToLowerInvariant();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var (alice, bob, carol, dave, erin, draft, client) = await App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ChanceryDb>();
            Person P(string given, string? email, string? address) => new()
            {
                Surname = given.ToUpperInvariant() + "-" + tag, GivenNames = given, BirthDate = "1980-04-12", Sex = "F", Nationality = "GBR",
                Email = email, Address = address,
            };
            var people = new[]
            {
                P("Alice", $"alice.{tag}@example.net", null), P("Bob", $"bob.{tag}@example.net", "1 Rue de la Paix, Paris"),
                P("Carol", null, null), P("Dave", null, null), P("Erin", $"erin.{tag}@example.net", null),
            };
            db.Persons.AddRange(people);
            var d = new ApplicationDraft
            {
                Form = ApplicationForm.ShortStayVisa, Language = "en", AccessKeyHash = new string('0', 64), CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddDays(30),
            };
            d.Answers = new ApplicationAnswers([new("surname", "DRAFT-" + tag), new("givenNames", "Dana"), new("email", "draft.person@example.net")]);
            db.ApplicationDrafts.Add(d);
            await db.SaveChangesAsync();
            var created = await sp.GetRequiredService<ApiKeys>().CreateAsync(keyName, ["Clerk"], [post.Code], CancellationToken.None);
            return (people[0], people[1], people[2], people[3], people[4], d, created.Value.Client);
        });

        AuditRecord Staff(StaffUser user, string action, string subjectType, Guid subject, params string[] fields) =>
            new("staff", user.Id, user.UserName!, "page:/staff/breach-test", action, subjectType == "person" ? "case" : subjectType, subject.ToString(), subjectType, subject.ToString(), fields, post.Id, "192.0.2.1", null);
        var api = new AuditRecord("api", "api:" + client.Id.ToString("N"), keyName, "api:/breach-test/" + keyName + "/cases", "read", "case", erin.Id.ToString(), "person", erin.Id.ToString(), ["Surname"], post.Id, "192.0.2.9", null);

        await AppendAt(now.AddHours(1), Staff(compromised, "read", "person", carol.Id, "Surname", "GivenNames"));
        await AppendAt(now.AddHours(2.5), Staff(compromised, "read", "person", alice.Id, "Surname", "GivenNames", "BirthDate"), Staff(other, "read", "person", erin.Id, "Surname"), api);
        await AppendAt(now.AddHours(3), Staff(compromised, "read", "person", alice.Id, "Nationality"), Staff(compromised, "write", "person", bob.Id, "Email", "Address"),
            Staff(compromised, "read", "draft", draft.Id, "Answers"));
        await AppendAt(now.AddHours(4), Staff(other, "read", "person", alice.Id, "Surname"));
        await AppendAt(now.AddHours(6), Staff(compromised, "read", "person", dave.Id, "Surname", "BirthDate"));
        return new Scenario(compromised, other, keyName, now.AddHours(2), now.AddHours(5), alice, bob, carol, dave, erin, draft);
    }

    /// <summary>Signs in as <paramref name="agent"/> (a new session: the clock may have moved past the last one's idle timeout) and opens each case's page.</summary>
    private async Task OpenCasesAsync(StaffUser agent, params Guid[] cases)
    {
        using var session = await StaffSession.SignInAsync(App, agent.UserName!);
        foreach (var id in cases)
        {
            var (response, _) = await session.GetAsync($"/staff/cases/{id}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task AppendAt(DateTime at, params AuditRecord[] records)
    {
        if (at > App.Clock.GetUtcNow().UtcDateTime)
            App.Clock.SetUtcNow(at);
        await App.WithServicesAsync(async sp =>
        {
            await new AuditLog(sp.GetRequiredService<ChanceryDb>(), App.Clock).AppendAsync(records, CancellationToken.None);
            return 0;
        });
    }

    private static async Task<Dictionary<string, Dictionary<string, string>>> ReadPeopleAsync(string output)
    {
        var lines = (await File.ReadAllTextAsync(Path.Combine(output, "people.csv"))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        // The scenario's values hold no comma or quote: a plain split reads them.
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToDictionary(r => r["subject"], StringComparer.Ordinal);
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>chancery breach …</c> on the app's own services (its database connection and master key, in the system
    /// scope a command-line verb gets), so that the sealed fields the app wrote are read back as the verb reads them.
    /// </summary>
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        Assert.Equal("breach", args[0]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await App.WithServicesAsync(sp =>
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            return BreachCommand.RunAsync(args[1..], new MakeBreachReport(sp.GetRequiredService<ChanceryDb>(), clock), clock, stdout, stderr, CancellationToken.None);
        });
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The whole executable's entry point: arguments it refuses before it opens the database.</summary>
    private async Task<(int Code, string Output, string Error)> RunCommandLineAsync(params string[] args)
    {
        var database = App.Database;
        var dbArgs = database.CliArguments();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([args[0], .. dbArgs, .. args[1..]], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaner.
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class BreachReportTestsSqlite(SqliteAppFixture fixture) : BreachReportTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class BreachReportTestsPostgres(PostgresAppFixture fixture) : BreachReportTests(fixture), IClassFixture<PostgresAppFixture>;
