using System.Net;
using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Infrastructure;
using Chancery.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chancery.Web.Tests.Security;

/// <summary>
/// Row-level security by post on PostgreSQL, the second line behind the application's own checks (docs/rls.md).
/// The fixture's app connects as a role that owns nothing, as every PostgreSQL test app does; the test database's
/// own connection is the owner's. SQLite has no row-level security, so there is no SQLite twin.
/// </summary>
public abstract class RowLevelSecurityTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task AppRole_WithNoPostSet_SeesNoRow_ThoughTheRowsExist()
    {
        var (a, caseA, personA, bookingA) = await PostWithDataAsync();

        await using var connection = await OpenAsync(app.Database.AppConnectionString);

        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "Cases" WHERE "Id" = @id""", caseA));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "Persons" WHERE "Id" = @id""", personA));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "Bookings" WHERE "Id" = @id""", bookingA));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "CaseEvents" WHERE "CaseId" = @id""", caseA));
        // Not just these rows: nothing at all, though other tests' rows are there too.
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "Cases" """));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "Persons" """));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "Bookings" """));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "BookingRequests" """));
        // Tables that hold no personal data stay readable, or nobody could sign in or pick a post.
        Assert.Equal(1, await CountAsync(connection, """SELECT count(*) FROM "Posts" WHERE "Id" = @id""", a.Id));
    }

    [Fact]
    public async Task AppRole_WithOnePostSet_SeesOnlyThatPostsRows_AndTheOwnerSeesAll()
    {
        var (a, caseA, personA, bookingA) = await PostWithDataAsync();
        var (_, caseB, personB, bookingB) = await PostWithDataAsync();

        await using var connection = await OpenAsync(app.Database.AppConnectionString);
        await SetPostsAsync(connection, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([caseA], await IdsAsync(connection, "Cases", caseA, caseB));
        Assert.Equal([personA], await IdsAsync(connection, "Persons", personA, personB));
        Assert.Equal([bookingA], await IdsAsync(connection, "Bookings", bookingA, bookingB));
        Assert.Equal(0, await CountAsync(connection, """SELECT count(*) FROM "CaseEvents" WHERE "CaseId" = @id""", caseB));

        await using var owner = await OpenAsync(app.Database.ConnectionString);
        Assert.Equal(new[] { caseA, caseB }.Order(), (await IdsAsync(owner, "Cases", caseA, caseB)).Order());
        Assert.Equal(new[] { personA, personB }.Order(), (await IdsAsync(owner, "Persons", personA, personB)).Order());
        Assert.Equal(new[] { bookingA, bookingB }.Order(), (await IdsAsync(owner, "Bookings", bookingA, bookingB)).Order());
    }

    [Fact]
    public async Task AppRole_WithOnePostSet_CannotChangeOrMoveAnotherPostsRows()
    {
        var (a, caseA, _, _) = await PostWithDataAsync();
        var (b, caseB, _, _) = await PostWithDataAsync();

        await using var connection = await OpenAsync(app.Database.AppConnectionString);
        await SetPostsAsync(connection, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Another post's row is not there to update or delete.
        Assert.Equal(0, await ExecuteAsync(connection, """UPDATE "Cases" SET "Purpose" = 'x' WHERE "Id" = @id""", caseB));
        Assert.Equal(0, await ExecuteAsync(connection, """DELETE FROM "CaseEvents" WHERE "CaseId" = @id""", caseB));
        // A visible row cannot be moved to a post out of sight.
        var moved = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, $"""UPDATE "Cases" SET "PostId" = {b.Id} WHERE "Id" = @id""", caseA));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);
        // Nor may the role lift the policies it is held to.
        var lifted = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, """ALTER TABLE "Cases" DISABLE ROW LEVEL SECURITY"""));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, lifted.SqlState);
    }

    [Fact]
    public async Task AppContext_InAPostScope_FindsNothingOfAnotherPost_EvenWithoutTheAppsOwnCheck()
    {
        var (a, caseA, personA, _) = await PostWithDataAsync();
        var (_, caseB, personB, _) = await PostWithDataAsync();

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DataScope>().UsePosts([a.Id]);
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();

        // What a page that forgot actor.Sees(...) would read: nothing.
        Assert.Null(await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseB));
        Assert.Null(await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personB));
        Assert.Empty(await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseB).ToListAsync());
        Assert.NotNull(await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseA));
        Assert.NotNull(await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personA));
    }

    [Fact]
    public async Task PooledConnection_NextUnitOfWorkWithNoScope_DoesNotInheritThePreviousPosts()
    {
        var (a, caseA, _, _) = await PostWithDataAsync();

        await using (var first = app.Services.CreateAsyncScope())
        {
            first.ServiceProvider.GetRequiredService<DataScope>().UsePosts([a.Id]);
            Assert.True(await first.ServiceProvider.GetRequiredService<ChanceryDb>().Cases.AnyAsync(c => c.Id == caseA));
        }

        // The same pooled connection, most likely; either way the posts of the first scope are gone.
        await using var second = app.Services.CreateAsyncScope();
        Assert.False(await second.ServiceProvider.GetRequiredService<ChanceryDb>().Cases.AnyAsync(c => c.Id == caseA));
        await using var third = app.Services.CreateSystemScope();
        Assert.True(await third.ServiceProvider.GetRequiredService<ChanceryDb>().Cases.AnyAsync(c => c.Id == caseA));
    }

    [Fact]
    public async Task StaffJourney_UnderTheAppRole_EntersReadsAndListsACase_AndAnotherPostsCaseIsNotFound()
    {
        var post = await app.CreatePostAsync();
        var other = await PostWithDataAsync();
        var clerk = await app.CreateStaffAsync([Role.Clerk, Role.Adjudicator], post);
        // The app under test must really be held to the policies, or every other test here proves nothing.
        Assert.True(await app.WithDbAsync(db => DatabaseSetup.RowLevelSecurityInForceAsync(db, CancellationToken.None)));

        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        var entered = await session.PostFormAsync("/staff/cases/new", new Dictionary<string, string>
        {
            ["Input.PostCode"] = post.Code,
            ["Input.Kind"] = "Passport",
            ["Input.PassportFormat"] = "Booklet",
            ["Input.Applicant.Surname"] = "Lefèvre",
            ["Input.Applicant.GivenNames"] = "Émilie Anne",
            ["Input.Applicant.BirthDate"] = "1988-03-14",
            ["Input.Applicant.Sex"] = "F",
            ["Input.Applicant.Nationality"] = "fra",
            ["Input.Applicant.PlaceOfBirth"] = "Lyon",
        });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var id = CaseSteps.IdFrom(entered);

        var (read, page) = await session.GetAsync($"/staff/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("LEFÈVRE", page.Body?.TextContent.ToUpperInvariant(), StringComparison.Ordinal);
        var (listed, list) = await session.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.NotNull(list.QuerySelector($"a[href='/staff/cases/{id}']"));

        var (foreign, _) = await session.GetAsync($"/staff/cases/{other.CaseId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    /// <summary>A post with a case entered by its clerk (so a person and case events) and a booking.</summary>
    private async Task<(Post Post, Guid CaseId, Guid PersonId, Guid BookingId)> PostWithDataAsync()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var caseId = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post));
        var personId = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ApplicantId).SingleAsync());
        var service = await app.CreateServiceAsync(post);
        var slots = await app.AddReleasedSlotsAsync(service, 1);
        var request = await app.VerifiedRequestAsync(service, SampleAppointments.NewIdentity());
        var booked = await app.WithServicesAsync(sp => sp.GetRequiredService<BookAppointment>().ExecuteAsync(request.Id, slots[0], CancellationToken.None));
        return (post, caseId, personId, booked.Value.Booking.Id);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        // A connection of its own, outside the app's pool, so that what it is told stays with this test.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task SetPostsAsync(NpgsqlConnection connection, string posts)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('chancery.post_ids', @posts, false)", connection);
        command.Parameters.AddWithValue("posts", posts);
        await command.ExecuteScalarAsync();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, object? id = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
            command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, object? id = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
            command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection connection, string table, params Guid[] ids)
    {
        await using var command = new NpgsqlCommand($"""SELECT "Id" FROM "{table}" WHERE "Id" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", ids);
        var found = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add(reader.GetGuid(0));
        return found;
    }
}

public sealed class RowLevelSecurityTestsPostgres(PostgresAppFixture fixture) : RowLevelSecurityTests(fixture), IClassFixture<PostgresAppFixture>;
