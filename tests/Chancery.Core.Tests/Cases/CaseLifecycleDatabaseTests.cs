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
    // How to bring a fresh case (ChecksPending after entry) to each state, one step at a time.
    private static readonly Dictionary<CaseState, (CaseAction Action, bool Passed)[]> PathTo = new()
    {
        [CaseState.ChecksPending] = [],
        [CaseState.ChecksCleared] = [(CaseAction.RecordChecks, true)],
        [CaseState.Hit] = [(CaseAction.RecordChecks, false)],
        [CaseState.HitResolved] = [(CaseAction.RecordChecks, false), (CaseAction.ResolveHit, true)],
        [CaseState.Approved] = [(CaseAction.RecordChecks, true), (CaseAction.Approve, true)],
        [CaseState.Refused] = [(CaseAction.RecordChecks, true), (CaseAction.Refuse, true)],
        [CaseState.Printed] = [(CaseAction.RecordChecks, true), (CaseAction.Approve, true), (CaseAction.Print, true)],
        [CaseState.Issued] = [(CaseAction.RecordChecks, true), (CaseAction.Approve, true), (CaseAction.Print, true), (CaseAction.IssueInPerson, true)],
        [CaseState.Dispatched] = [(CaseAction.RecordChecks, true), (CaseAction.Approve, true), (CaseAction.Print, true), (CaseAction.Dispatch, true)],
        [CaseState.Delivered] = [(CaseAction.RecordChecks, true), (CaseAction.Approve, true), (CaseAction.Print, true), (CaseAction.Dispatch, true), (CaseAction.Deliver, true)],
        [CaseState.Closed] = [(CaseAction.RecordChecks, true), (CaseAction.Approve, true), (CaseAction.Print, true), (CaseAction.IssueInPerson, true), (CaseAction.Close, true)],
        [CaseState.Withdrawn] = [(CaseAction.Withdraw, true)],
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
    public async Task Entry_RecordsSubmissionThenStartsChecks()
    {
        var (post, _, clerk) = await StaffAsync();

        var id = await EnterAsync(post, clerk, CaseState.ChecksPending);

        var events = await App.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([CaseAction.Submit, CaseAction.StartChecks], events.Select(e => e.Action));
        Assert.Equal((CaseState.Submitted, CaseState.ChecksPending), (events[1].FromState, events[1].ToState));
        Assert.All(events, e => Assert.Equal("192.0.2.11", e.IpAddress));
        Assert.Equal(CaseState.ChecksPending, await StateOfAsync(id));
    }

    [Theory]
    [MemberData(nameof(StepsAfterEntry))]
    public async Task LegalStep_IsTakenAndSaved(CaseState from, CaseAction action, bool passed, CaseState expected)
    {
        var (post, actor, clerk) = await StaffAsync();
        var id = await EnterAsync(post, clerk, from);
        foreach (var (step, ok) in PathTo[from])
            await StepAsync(id, actor, new CaseCommand(step, "test path", ok));
        var before = await StateOfAsync(id);

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
        var id = await EnterAsync(post, clerk, from);
        foreach (var (step, ok) in PathTo[from])
            await StepAsync(id, actor, new CaseCommand(step, "test path", ok));
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

    private Task<Guid> EnterAsync(Post post, Actor clerk, CaseState target) => App.WithServicesAsync(async sp =>
    {
        var input = new NewCase
        {
            PostCode = post.Code,
            Kind = CaseKind.Passport,
            Applicant = new NewPerson { Surname = "Durand", GivenNames = "Marie", BirthDate = "1980-05-05", Sex = "F", Nationality = "FRA" },
        };
        var created = await sp.GetRequiredService<EnterCase>().ExecuteAsync(input, clerk, default);
        Assert.True(created.IsSuccess, created.Error?.Message + " entering for " + target);
        return created.Value.Id;
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
