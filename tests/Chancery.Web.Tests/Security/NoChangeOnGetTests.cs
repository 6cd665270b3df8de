using System.Globalization;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Security;
using Chancery.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Security;

public abstract class NoChangeOnGetTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    // Tables a GET may add to by design: the audit log records every look at personal data (issue 6, item 7).
    private static readonly string[] AppendedByReads = ["AuditEntries", "AuditCheckpoints"];

    [Fact]
    public async Task GetOfEveryRoute_ByThePublicAndByStaffOfEveryRole_ChangesNoRow()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var caseId = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post));
        // The error page answers 500 by design; the status pages only describe a code.
        var gets = AccessMatrix.Rules.Where(r => r.Method is "GET" or AccessMatrix.AnyMethod && r.Route is not "Error" and not "StatusCode/{code:int}").ToList();
        var sessions = new List<(string Who, HttpClient Client)>();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var anonymousStaff = app.CreateStaffClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        sessions.Add(("public", anonymous));
        sessions.Add(("public on the staff listener", anonymousStaff));
        var signedIn = new List<StaffSession>();
        try
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var agent = await app.CreateStaffAsync(role, post);
                var session = await StaffSession.SignInAsync(app, agent.UserName!);
                signedIn.Add(session);
                sessions.Add((role.ToString(), session.Client));
            }

            var before = await CountRowsAsync();
            foreach (var (who, client) in sessions)
            {
                foreach (var rule in gets.Where(r => r.Route != "staff/signout"))
                {
                    using var response = await client.GetAsync(new Uri(RouteMatrixTests.Fill(rule.Route, post, caseId), UriKind.Relative));
                    Assert.True((int)response.StatusCode < 500, $"{who} GET {rule.Route}: {(int)response.StatusCode}");
                }
            }

            var after = await CountRowsAsync();
            var changed = before.Where(t => after[t.Key] != t.Value && !AppendedByReads.Contains(t.Key))
                .Select(t => $"{t.Key}: {t.Value} rows before, {after[t.Key]} after").ToList();
            Assert.True(changed.Count == 0, "GETs changed rows:\n" + string.Join("\n", changed));
        }
        finally
        {
            foreach (var session in signedIn)
                session.Dispose();
        }
    }

    private Task<Dictionary<string, long>> CountRowsAsync() => app.WithDbAsync(async db =>
    {
        var counts = new Dictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetEntityTypes().Select(e => (Name: e.GetTableName(), Schema: e.GetSchema())).Where(t => t.Name is not null).Distinct())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = table.Schema is null ? $"SELECT COUNT(*) FROM \"{table.Name}\"" : $"SELECT COUNT(*) FROM \"{table.Schema}\".\"{table.Name}\"";
                counts[table.Name!] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    });
}

public sealed class NoChangeOnGetTestsSqlite(SqliteAppFixture fixture) : NoChangeOnGetTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class NoChangeOnGetTestsPostgres(PostgresAppFixture fixture) : NoChangeOnGetTests(fixture), IClassFixture<PostgresAppFixture>;
