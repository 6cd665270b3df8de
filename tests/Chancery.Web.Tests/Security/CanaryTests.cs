using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chancery.Core.Appointments;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chancery.Web.Tests.Security;

// Canaries: applicants made with unique marker values in every personal field, through every way personal data comes
// in (the case API, the online application API, the staff page, the booking of an appointment, the register of lost
// and stolen documents), and what agents write about them (hit justifications, correction messages, invalidation
// reasons), with the numbers of the documents Chancery prints; then the raw database (the SQLite file and its WAL, or
// a pg_dump) and everything the application logged are searched: no marker may appear.
public abstract class CanaryTests(DatabaseKind kind)
{
    private static readonly string Letters = "BCDFGHJKLMNPQRSTVWXZ";

    [Fact]
    public async Task Markers_InEveryPersonalField_AppearNeitherInTheRawDatabaseNorInTheLogs()
    {
        await using var app = await ChanceryApp.StartAsync(kind);
        var post = await app.CreatePostAsync();
        var markers = new List<string>();
        string Marker(string stem, int length = 14)
        {
            var m = (stem + RandomNumberGenerator.GetString(Letters, 12))[..length];
            markers.Add(m);
            return m;
        }

        string Digits(int n)
        {
            var d = RandomNumberGenerator.GetString("0123456789", n);
            markers.Add(d);
            return d;
        }

        // An unusual birth date, searched for as written.
        string BirthDate()
        {
            var day = new DateOnly(1901, 1, 1).AddDays(RandomNumberGenerator.GetInt32(0, 9000));
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            markers.Add(text);
            return text;
        }

        // 1. The register of lost and stolen documents, then the case API (a partner system entering a visa case whose
        //    travel document is registered: screening at entry stops it, and a security officer clears the hit).
        var travelNumber = Marker("D", 9);
        var security = await app.ApiClientAsync(Role.SecurityOfficer, post);
        var reported = await security.PostAsJsonAsync("/api/v1/document-register", new JsonObject
        {
            ["documentNumber"] = travelNumber, ["issuingState"] = "SWE", ["status"] = "Stolen", ["source"] = "Police", ["reason"] = Marker("Stolen"),
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var api = await app.ApiClientAsync(Role.Clerk, post);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var body = new JsonObject
        {
            ["postCode"] = post.Code,
            ["kind"] = "Visa",
            ["applicant"] = new JsonObject
            {
                ["surname"] = Marker("Sur"), ["givenNames"] = Marker("Giv"), ["birthDate"] = BirthDate(), ["sex"] = "F", ["nationality"] = "SWE",
                ["placeOfBirth"] = Marker("Pob"), ["email"] = Marker("mail").ToLowerInvariant() + "@example.org",
                ["phone"] = "+46 " + Digits(9), ["address"] = Marker("Addr") + " Street 1",
            },
            ["visa"] = new JsonObject
            {
                ["category"] = "C", ["purpose"] = Marker("Purp"), ["entries"] = "Single",
                ["requestedFrom"] = Day(today.AddDays(30)), ["requestedUntil"] = Day(today.AddDays(45)),
                ["travelDocumentNumber"] = travelNumber, ["travelDocumentState"] = "SWE",
            },
        };
        var entered = await api.PostAsJsonAsync("/api/v1/cases", body);
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var caseId = (await entered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative))).StatusCode);
        var cleared = await ApiJourney.ActAsync(security, caseId, "resolve-hit", Marker("Just"), passed: true);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);

        // 2. The online application, submitted through the API with an idempotency key (the response is kept).
        var answers = SampleApplications.ShortStayVisa(post.Code, today, surname: Marker("Osur"));
        answers["givenNames"] = Marker("Ogiv");
        answers["birthDate"] = BirthDate();
        answers["placeOfBirth"] = Marker("Opob");
        answers["documentNumber"] = Marker("E", 9);
        answers["homeAddress"] = Marker("Ohome") + " 1";
        answers["email"] = Marker("omail").ToLowerInvariant() + "@example.org";
        answers["phone"] = "+46 " + Digits(9);
        var application = new JsonObject { ["form"] = "short-stay-visa", ["language"] = "en", ["answers"] = new JsonObject() };
        foreach (var (name, value) in answers)
            application["answers"]![name] = value;
        Guid applicationCase;
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(application) })
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var submitted = await api.SendAsync(request);
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"{(int)submitted.StatusCode}: {string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)))}");
            applicationCase = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<Guid>();
        }

        // 3. The staff page (a clerk entering a passport case by hand).
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using (var session = await StaffSession.SignInAsync(app, clerk.UserName!))
        {
            var page = await session.PostFormAsync("/staff/cases/new", new Dictionary<string, string>
            {
                ["Input.PostCode"] = post.Code, ["Input.Kind"] = "Passport", ["Input.PassportFormat"] = "Booklet",
                ["Input.Applicant.Surname"] = Marker("Ssur"), ["Input.Applicant.GivenNames"] = Marker("Sgiv"),
                ["Input.Applicant.BirthDate"] = BirthDate(), ["Input.Applicant.Sex"] = "M", ["Input.Applicant.Nationality"] = "FRA",
                ["Input.Applicant.PlaceOfBirth"] = Marker("Spob"), ["Input.Applicant.Email"] = Marker("smail").ToLowerInvariant() + "@example.org",
                ["Input.Applicant.Phone"] = "+33 " + Digits(9), ["Input.Applicant.Address"] = Marker("Saddr") + " rue 2",
            });
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            var (read, _) = await session.GetAsync(page.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            // The clerk asks the applicant of the online application to correct an answer, in their own words.
            await session.GetAsync($"/staff/cases/{applicationCase}/correction");
            var correction = await session.PostAsync($"/staff/cases/{applicationCase}/correction",
                [new("Input.Fields", "surname"), new("Input.Message", "Please check " + Marker("Corr") + " in your passport.")]);
            Assert.Equal(HttpStatusCode.Redirect, correction.StatusCode);
        }

        // 5. A passport printed and then invalidated with the consul's reason: the number printed is looked for too.
        var journey = await ApiJourney.StartAsync(app);
        var printedCase = await journey.ApprovedCaseAsync(journey.PassportBody(Marker("Hold")));
        Assert.Equal(HttpStatusCode.OK, (await ApiJourney.ActAsync(journey.Printer, printedCase, "print")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiJourney.ActAsync(journey.Consul, printedCase, "invalidate", "Lost by " + Marker("Void"))).StatusCode);
        var printedNumber = await app.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.IssuedDocuments, d => d.CaseId == printedCase)).DocumentNumber);
        markers.Add(printedNumber);

        // 4. An appointment: the identity step (which mails a code) and a booking bound to an identity.
        var service = await app.CreateServiceAsync(post, ServiceKind.Passport);
        var slots = await app.AddReleasedSlotsAsync(service, 2);
        var asked = await app.WithServicesAsync(sp => sp.GetRequiredService<RequestBookingCode>().ExecuteAsync(
            new BookingCodeInput(service.Id, null, null, Marker("R", 10), "GBR", Marker("Rsur"), DateOnly.Parse(BirthDate(), CultureInfo.InvariantCulture),
                Marker("rmail").ToLowerInvariant() + "@example.org", "fr"), "192.0.2.44", CancellationToken.None));
        Assert.True(asked.IsSuccess, asked.IsSuccess ? "" : asked.Error.Message);
        var identity = BoundIdentity.Create(Marker("B", 10), "GBR", Marker("Bsur"), DateOnly.Parse(BirthDate(), CultureInfo.InvariantCulture))!;
        var verified = await app.VerifiedRequestAsync(service, identity, Marker("bmail").ToLowerInvariant() + "@example.org");
        using (var visitor = StaffSession.Anonymous(app))
        {
            var booked = await visitor.PostFormAsync($"/rendez-vous/creneau/{verified.Token}",
                new Dictionary<string, string> { ["SlotId"] = slots[0].ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        }

        // The markers are really in the application: read back in clear through it.
        var stored = await app.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Persons)).Select(p => p.Surname).ToList());
        Assert.Contains(stored, s => s.StartsWith("Sur", StringComparison.Ordinal) || s.StartsWith("SUR", StringComparison.Ordinal));

        var raw = kind == DatabaseKind.Sqlite ? await SqliteBytesAsync(app.Database) : await PgDumpAsync(app.Database);
        var logs = string.Join("\n", app.Logs.Lines);
        Assert.NotEmpty(logs);
        var found = markers.Where(m => Contains(raw, m) || logs.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(found.Count == 0, $"In clear: {string.Join(", ", found)} (of {markers.Count} markers, {raw.Length:N0} bytes of raw database)");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Case-insensitive over UTF-8 bytes (names are stored upper-cased in places).
    private static bool Contains(byte[] haystack, string marker) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker.ToUpperInvariant())) >= 0
        || haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker.ToLowerInvariant())) >= 0;

    private static async Task<byte[]> SqliteBytesAsync(TestDatabase database)
    {
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        using var all = new MemoryStream();
        foreach (var path in new[] { file, file + "-wal" })
        {
            if (!File.Exists(path))
                continue;
            // Read while the application still has it open, as a thief copying the files would.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(all);
        }

        Assert.True(all.Length > 0, "No database file to read.");
        return all.ToArray();
    }

    private static async Task<byte[]> PgDumpAsync(TestDatabase database)
    {
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", "pg_dump")).First(File.Exists);
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--data-only", "--no-owner", "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, cs.Database! },
        };
        start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = await process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pg_dump failed: " + error);
        Assert.True(output.Length > 0);
        return output.ToArray();
    }
}

public sealed class CanaryTestsSqlite() : CanaryTests(DatabaseKind.Sqlite);

public sealed class CanaryTestsPostgres() : CanaryTests(DatabaseKind.Postgres);
