using System.Net;
using Chancery.Core.Cases;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Pages;

public abstract class SuiviPagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task Suivi_RightReferenceAndBirthDate_ShowsTheStateInPlainWords()
    {
        var (reference, _, _) = await EnterAsync("1988-03-14");
        using var visitor = StaffSession.Anonymous(app);

        var response = await visitor.PostFormAsync("/suivi", Fields(reference.ToLowerInvariant(), "1988-03-14"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await Html.ParseAsync(response)).GetElementById("suivi-result")?.TextContent;
        Assert.Contains("Votre demande est en cours d’examen.", result, StringComparison.Ordinal);
        Assert.Contains(reference, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suivi_InEnglish_ShowsTheStateInEnglish()
    {
        var (reference, _, _) = await EnterAsync("1970");
        using var visitor = StaffSession.Anonymous(app);

        var response = await visitor.PostFormAsync("/suivi?lang=en", Fields(reference, "1970"));

        var result = (await Html.ParseAsync(response)).GetElementById("suivi-result")?.TextContent;
        Assert.Contains("Your application is being examined.", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1988-03-15")]
    [InlineData("1988")]
    [InlineData("14/03/1988")]
    public async Task Suivi_WrongBirthDate_ShowsTheNeutralMessage(string birthDate)
    {
        var (reference, _, _) = await EnterAsync("1988-03-14");
        using var visitor = StaffSession.Anonymous(app);

        var response = await visitor.PostFormAsync("/suivi", Fields(reference, birthDate));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Aucune demande ne correspond à ces informations.", page.GetElementById("suivi-result")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("examen", page.GetElementById("suivi-result")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suivi_UnknownReference_ShowsTheSameNeutralMessageAsAWrongBirthDate()
    {
        var (reference, _, _) = await EnterAsync("1988-03-14");
        using var visitor = StaffSession.Anonymous(app);

        var wrongDate = await Html.ParseAsync(await visitor.PostFormAsync("/suivi", Fields(reference, "1999-01-01")));
        var wrongReference = await Html.ParseAsync(await visitor.PostFormAsync("/suivi", Fields("LON-0000-0000", "1988-03-14")));

        Assert.Equal(wrongDate.GetElementById("suivi-result")?.OuterHtml, wrongReference.GetElementById("suivi-result")?.OuterHtml);
    }

    [Fact]
    public async Task Suivi_CaseWithASecurityHit_SaysOnlyThatItIsBeingExamined()
    {
        await app.ListAsync(new ListedPerson("Marchetti", "Émilie Anne", "1975-06-15", "FRA"));
        var (reference, id, _) = await EnterAsync("1975-06-15", "Marchetti");
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));
        using var visitor = StaffSession.Anonymous(app);

        var page = await Html.ParseAsync(await visitor.PostFormAsync("/suivi", Fields(reference, "1975-06-15")));

        Assert.Contains("Votre demande est en cours d’examen.", page.GetElementById("suivi-result")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ignalement", page.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suivi_EmptyForm_RerendersWithFieldMessages()
    {
        using var visitor = StaffSession.Anonymous(app);

        var response = await visitor.PostFormAsync("/suivi", Fields("", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(Html.FieldError(page, "Input_Reference"));
        Assert.NotNull(Html.FieldError(page, "Input_BirthDate"));
        Assert.Null(page.GetElementById("suivi-result"));
    }

    private static Dictionary<string, string> Fields(string reference, string birthDate) =>
        new() { ["Input.Reference"] = reference, ["Input.BirthDate"] = birthDate };

    private async Task<(string Reference, Guid Id, Post Post)> EnterAsync(string born, string surname = "Lefèvre")
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, surname, born: born));
        return (await CaseSteps.ReferenceAsync(app, id), id, post);
    }
}

public sealed class SuiviPagesTestsSqlite(SqliteAppFixture fixture) : SuiviPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class SuiviPagesTestsPostgres(PostgresAppFixture fixture) : SuiviPagesTests(fixture), IClassFixture<PostgresAppFixture>;
