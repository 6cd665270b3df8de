using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using Chancery.Core.Mail;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Pages.Appointments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chancery.Web.Tests.Security;

public abstract class LogRedactionTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task CaseEnteredAndRead_ThroughApiAndPages_LeavesNoPersonalDataInTheLogs()
    {
        using var logs = new CapturedLogs();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        var marker = "Zq" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 10);
        var document = "QX" + RandomNumberGenerator.GetString("0123456789", 7);
        var email = marker.ToLowerInvariant() + "@example.invalid";
        var journey = await ApiJourney.StartAsync(app);
        var body = journey.VisaBody(surname: marker);
        body["applicant"]!["email"] = email;
        body["applicant"]!["givenNames"] = marker + "given";
        body["visa"]!["travelDocumentNumber"] = document;
        var key = journey.Clerk.DefaultRequestHeaders.Authorization!.Parameter!;

        var id = await journey.EnterAsync(body);
        (await journey.Clerk.GetAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative))).EnsureSuccessStatusCode();
        await journey.Clerk.GetAsync(new Uri($"/api/v1/cases?post={journey.Post.Code}", UriKind.Relative));
        // A refused call logs its refusal: still nothing of the person in it.
        await journey.Printer.GetAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative));
        var clerk = await app.CreateStaffAsync(Role.Clerk, journey.Post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        await session.GetAsync($"/staff/cases/{id}");
        await session.GetAsync($"/staff/cases?post={journey.Post.Code}");

        var text = logs.Text;
        Assert.NotEmpty(text);
        Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(document, text, StringComparison.Ordinal);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChanceryApp.StaffPassword, text, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonalValueOfALogMessage_IsErased_TheRestOfTheLineStays()
    {
        using var logs = new CapturedLogs();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();
        factory.AddProvider(logs);
        var logger = factory.CreateLogger<BookingConfirmation>();
        var reference = "RDV-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 8);
        var logNotSent = typeof(BookingConfirmation).GetMethod("LogNotSent", BindingFlags.NonPublic | BindingFlags.Static)!;

        logNotSent.Invoke(null, [logger, reference, new MailNotSentException()]);

        var line = logs.Text.Split('\n').Single(l => l.Contains("could not be sent", StringComparison.Ordinal));
        Assert.DoesNotContain(reference, line, StringComparison.Ordinal);
    }
}

public sealed class LogRedactionTestsSqlite(SqliteAppFixture fixture) : LogRedactionTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class LogRedactionTestsPostgres(PostgresAppFixture fixture) : LogRedactionTests(fixture), IClassFixture<PostgresAppFixture>;
