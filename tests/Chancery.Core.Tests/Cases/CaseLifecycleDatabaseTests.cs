using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Tests.Cases;

/// <summary>Every legal step of the lifecycle table, taken for real through <see cref="PerformCaseAction"/> and saved, on each database.</summary>
public abstract class CaseLifecycleDatabaseTests(AppFixture fixture)
{
    // How to bring a case to each state, one step at a time, after entry. Entry screens the case at once:
    // an applicant on no list is ChecksCleared, a listed one is in Hit. ChecksPending is where a case
    // waits when the index was not ready at entry; such a case is written directly (see EnterAsync).
    private static readonly Dictionary<CaseState, (bool Listed, CaseAction[] Steps)> PathTo = new()
    {
        [CaseState.ChecksPending] = (false, []),
        [CaseState.ChecksCleared] = (false, []),
        [CaseState.Hit] = (true, []),
        [CaseState.HitResolved] = (true, [CaseAction.ResolveHit]),
        [CaseState.Approved] = (false, [CaseAction.Approve]),
        [CaseState.Refused] = (false, [CaseAction.Refuse]),
        [CaseState.Printed] = (false, [CaseAction.Approve, CaseAction.Print]),
        [CaseState.Issued] = (false, [CaseAction.Approve, CaseAction.Print, CaseAction.IssueInPerson]),
        [CaseState.Dispatched] = (false, [CaseAction.Approve, CaseAction.Print, CaseAction.Dispatch]),
        [CaseState.Delivered] = (false, [CaseAction.Approve, CaseAction.Print, CaseAction.Dispatch, CaseAction.Deliver]),
        [CaseState.Closed] = (false, [CaseAction.Approve, CaseAction.Print, CaseAction.IssueInPerson, CaseAction.Close]),
        [CaseState.Withdrawn] = (false, [CaseAction.Withdraw]),
    };

    private ChanceryApp App => fixture.App;

    /// <summary>
    /// The table's steps, less those from Submitted: entry itself takes a case from Submitted to
    /// ChecksPending in one transaction (checked in <see cref="Entry_RecordsSubmissionThenStartsChecks"/>).
    /// </summary>
    public static TheoryData<CaseState, CaseAction, bool, CaseState> StepsAfterEntry()
    {
        var data = new TheoryData<CaseState, CaseAction, bool, CaseState>();
        foreach (var row in CaseLifecycleTests.LegalSteps.Where(r => (CaseState)r[0] != CaseState.Submitted))
            data.Add((CaseState)row[0], (CaseAction)row[1], (bool)row[2], (CaseState)row[3]);
        return data;
    }

    [Fact]
    public async Task Entry_RecordsSubmissionStartsChecksAndScreens()
    {
        var (post, _, clerk) = await StaffAsync();

        var id = await EnterAsync(post, clerk, CaseState.ChecksCleared, Surname());

        var events = await App.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([CaseAction.Submit, CaseAction.StartChecks, CaseAction.RecordChecks], events.Select(e => e.Action));
        Assert.Equal((CaseState.Submitted, CaseState.ChecksPending), (events[1].FromState, events[1].ToState));
        Assert.Equal((CaseState.ChecksPending, CaseState.ChecksCleared), (events[2].FromState, events[2].ToState));
        Assert.All(events[..2], e => Assert.Equal("192.0.2.11", e.IpAddress));
        Assert.Equal("system", events[2].ActorId);
        Assert.Equal(CaseState.ChecksCleared, await StateOfAsync(id));
    }

    [Theory]
    [MemberData(nameof(StepsAfterEntry))]
    public async Task LegalStep_IsTakenAndSaved(CaseState from, CaseAction action, bool passed, CaseState expected)
    {
        var (post, actor, clerk) = await StaffAsync();
        var surname = Surname();
        var id = await EnterAsync(post, clerk, from, surname);
        foreach (var step in PathTo[from].Steps)
            await StepAsync(id, actor, new CaseCommand(step, "test path", Passed: true));
        var before = await StateOfAsync(id);
        if (action == CaseAction.RecordChecks && !passed)
        {
            // The checks find what the lists say: for a hit, the applicant is put on a new list first.
            await App.ListAsync(new ListedPerson(surname, "Marie", "1980-05-05", "FRA"));
        }

        var result = await StepAsync(id, actor, new CaseCommand(action, "because", passed), expectSuccess: false);

        Assert.Equal(from, before);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, await StateOfAsync(id));
        var last = await App.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(action, last.Action);
        Assert.Equal(from, last.FromState);
        Assert.Equal(expected, last.ToState);
    }

    [Theory]
    [InlineData(CaseState.ChecksPending, CaseAction.Approve)]
    [InlineData(CaseState.ChecksPending, CaseAction.Print)]
    [InlineData(CaseState.Hit, CaseAction.Approve)]
    [InlineData(CaseState.Refused, CaseAction.Print)]
    [InlineData(CaseState.Withdrawn, CaseAction.Approve)]
    [InlineData(CaseState.Closed, CaseAction.Print)]
    [InlineData(CaseState.Issued, CaseAction.Dispatch)]
    [InlineData(CaseState.Approved, CaseAction.Deliver)]
    public async Task IllegalStep_IsRefused_AndChangesNothing(CaseState from, CaseAction action)
    {
        var (post, actor, clerk) = await StaffAsync();
        var id = await EnterAsync(post, clerk, from, Surname());
        foreach (var step in PathTo[from].Steps)
            await StepAsync(id, actor, new CaseCommand(step, "test path", Passed: true));
        var events = await App.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == id));

        var result = await StepAsync(id, actor, new CaseCommand(action, "because"), expectSuccess: false);

        Assert.False(result.IsSuccess);
        Assert.Equal("case.illegal-transition", result.Error.Code);
        Assert.Equal(from, await StateOfAsync(id));
        Assert.Equal(events, await App.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == id)));
    }

    private async Task<(Post Post, Actor Actor, Actor Clerk)> StaffAsync()
    {
        var post = await App.CreatePostAsync();
        // One agent holds every role; approvals go to an adjudicator who neither entered the case nor resolved its hit.
        var all = await App.CreateStaffAsync([Role.SecurityOfficer, Role.PrintOperator, Role.Consul, Role.Clerk], post);
        adjudicator = await App.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<LoadActor>().ForUserAsync((await App.CreateStaffAsync(Role.Adjudicator, post)).Id, "192.0.2.12", default))!);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        var actor = await App.WithServicesAsync(sp => sp.GetRequiredService<LoadActor>().ForUserAsync(all.Id, "192.0.2.10", default));
        var clerkActor = await App.WithServicesAsync(sp => sp.GetRequiredService<LoadActor>().ForUserAsync(clerk.Id, "192.0.2.11", default));
        return (post, actor!, clerkActor!);
    }

    // A surname no list holds until a test lists it: a made-up word, different in every test.
    private static string Surname() =>
        // Ten random letters: two of them share too little for the matcher's typo and phonetic rules.
        "Q" + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 10);

    private async Task<Guid> EnterAsync(Post post, Actor clerk, CaseState target, string surname)
    {
        if (PathTo[target].Listed)
            await App.ListAsync(new ListedPerson(surname, "Marie", "1980-05-05", "FRA"));
        if (target == CaseState.ChecksPending)
            return await WaitingCaseAsync(post, clerk, surname);
        return await App.WithServicesAsync(async sp =>
        {
            var input = new NewCase
            {
                PostCode = post.Code,
                Kind = CaseKind.Passport,
                Applicant = new NewPerson { Surname = surname, GivenNames = "Marie", BirthDate = "1980-05-05", Sex = "F", Nationality = "FRA" },
            };
            var created = await sp.GetRequiredService<EnterCase>().ExecuteAsync(input, clerk, default);
            Assert.True(created.IsSuccess, created.Error?.Message + " entering for " + target);
            Assert.Equal(PathTo[target].Listed ? CaseState.Hit : CaseState.ChecksCleared, created.Value.State);
            return created.Value.Id;
        });
    }

    // A case as entry leaves it when the index of changed lists is not ready in time: submitted, checks started, not screened.
    private Task<Guid> WaitingCaseAsync(Post post, Actor clerk, string surname) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var person = new Chancery.Core.Persons.Person { Surname = surname, GivenNames = "Marie", BirthDate = "1980-05-05", Sex = "F", Nationality = "FRA" };
        var waiting = new PassportCase
        {
            Reference = CaseReference.New(post.Code), PostId = post.Id, ApplicantId = person.Id, Applicant = person,
            EnteredBy = clerk.Id, EnteredAt = now, Format = PassportFormat.Booklet,
        };
        waiting.RecordSubmission(clerk, now);
        Assert.True(waiting.Apply(CaseAction.StartChecks, clerk, now, "Queued for security checks").IsSuccess);
        db.Cases.Add(waiting);
        await db.SaveChangesAsync();
        return waiting.Id;
    });

    private Actor? adjudicator;

    private Task<Chancery.Core.Common.Result<CaseEvent>> StepAsync(Guid id, Actor actor, CaseCommand command, bool expectSuccess = true) => App.WithServicesAsync(async sp =>
    {
        var who = command.Action is CaseAction.Approve or CaseAction.Refuse ? adjudicator! : actor;
        var result = await sp.GetRequiredService<PerformCaseAction>().ExecuteAsync(id, command, who, default);
        if (expectSuccess)
            Assert.True(result.IsSuccess, $"{command.Action}: {result.Error?.Message}");
        return result;
    });

    private Task<CaseState> StateOfAsync(Guid id) => App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.State).SingleAsync());
}

[Collection("sqlite")]
public sealed class CaseLifecycleDatabaseTestsSqlite(SqliteAppFixture fixture) : CaseLifecycleDatabaseTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class CaseLifecycleDatabaseTestsPostgres(PostgresAppFixture fixture) : CaseLifecycleDatabaseTests(fixture), IClassFixture<PostgresAppFixture>;
