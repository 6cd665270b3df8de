using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Pages;

// Brings a case to the state a page test starts from, through the same operations the pages call,
// so each test drives through the pages only the step it is about.
internal static class CaseSteps
{
    /// <summary>A new post with one agent for each step from entry to print.</summary>
    public static async Task<(Post Post, StaffUser Clerk, StaffUser Security, StaffUser Adjudicator, StaffUser Printer)> TeamAsync(ChanceryApp app)
    {
        var post = await app.CreatePostAsync();
        return (post,
            await app.CreateStaffAsync(Role.Clerk, post),
            await app.CreateStaffAsync(Role.SecurityOfficer, post),
            await app.CreateStaffAsync(Role.Adjudicator, post),
            await app.CreateStaffAsync(Role.PrintOperator, post));
    }

    public static NewCase Passport(Post post, string surname = "Lefèvre", string given = "Émilie Anne", string born = "1988-03-14") => new()
    {
        PostCode = post.Code,
        Kind = CaseKind.Passport,
        PassportFormat = PassportFormat.Booklet,
        Applicant = new NewPerson { Surname = surname, GivenNames = given, BirthDate = born, Sex = "F", Nationality = "FRA", PlaceOfBirth = "Lyon" },
    };

    public static async Task<Guid> EnterAsync(ChanceryApp app, StaffUser clerk, NewCase input) =>
        await app.WithServicesAsync(async sp =>
        {
            var actor = await ActorAsync(sp, clerk);
            var created = await sp.GetRequiredService<EnterCase>().ExecuteAsync(input, actor, CancellationToken.None);
            return created.IsSuccess ? created.Value.Id : throw new InvalidOperationException(created.Error.Message);
        });

    public static async Task StepAsync(ChanceryApp app, StaffUser agent, Guid caseId, CaseAction action, string? reason = null, bool passed = true) =>
        await app.WithServicesAsync(async sp =>
        {
            var actor = await ActorAsync(sp, agent);
            var done = await sp.GetRequiredService<PerformCaseAction>().ExecuteAsync(caseId, new CaseCommand(action, reason, passed), actor, CancellationToken.None);
            return done.IsSuccess ? done.Value : throw new InvalidOperationException(done.Error.Message);
        });

    public static Task<CaseState> StateAsync(ChanceryApp app, Guid caseId) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync());

    public static Task<string> ReferenceAsync(ChanceryApp app, Guid caseId) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());

    public static Task<int> DocumentCountAsync(ChanceryApp app, Guid caseId) =>
        app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == caseId));

    // The case id at the end of the address a page redirected to (/staff/cases/{id}).
    public static Guid IdFrom(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        var location = redirect.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)redirect.StatusCode}.");
        return Guid.Parse(location.Split('/', '?')[3]);
    }

    private static async Task<Actor> ActorAsync(IServiceProvider sp, StaffUser user) =>
        await sp.GetRequiredService<LoadActor>().ForUserAsync(user.Id, "192.0.2.1", CancellationToken.None)
        ?? throw new InvalidOperationException("No such agent.");
}
