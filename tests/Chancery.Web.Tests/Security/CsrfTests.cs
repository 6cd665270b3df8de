using System.Net;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Web.Tests.Security;

public abstract class CsrfTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    // Where the error handler and the status pages re-execute a failed POST: they change nothing and are no form.
    private static readonly string[] ReExecuted = ["Error", "StatusCode/{code:int}"];

    [Fact]
    public async Task EveryPostForm_WithoutTheAntiforgeryToken_IsRefusedWith400()
    {
        var post = await app.CreatePostAsync();
        var routes = await AppRoutes.AllAsync(app);
        var forms = routes.Where(r => r.IsPage && r.Method == "POST" && !ReExecuted.Contains(AccessMatrix.Normalize(r.Pattern))).ToList();
        var sessions = new Dictionary<Role, StaffSession>();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var anonymousStaff = app.CreateStaffClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        try
        {
            foreach (var form in forms)
            {
                var rule = AccessMatrix.Find(form.Method, form.Pattern, form.Handler)!;
                var url = RouteMatrixTests.Fill(form.Pattern, post) + (form.Handler is null ? "" : "?handler=" + form.Handler);
                HttpClient client;
                if (rule.IsPublic)
                {
                    client = AccessMatrix.Normalize(form.Pattern).StartsWith("staff", StringComparison.Ordinal) ? anonymousStaff : anonymous;
                }
                else
                {
                    // A member of staff the matrix lets in, so that the token is the only thing missing.
                    var role = rule.Scope == AccessScope.SignedIn ? Role.Clerk : rule.Roles.OrderBy(r => r == Role.Administrator).First();
                    if (!sessions.TryGetValue(role, out var session))
                    {
                        var agent = await app.CreateStaffAsync(role, post);
                        sessions[role] = session = await StaffSession.SignInAsync(app, agent.UserName!);
                    }

                    client = session.Client;
                }

                using var content = new FormUrlEncodedContent([new("Input.Anything", "x")]);
                using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{form}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        finally
        {
            foreach (var session in sessions.Values)
                session.Dispose();
        }

        Assert.True(forms.Count > 20, $"Only {forms.Count} forms were found: the enumeration is broken.");
        Assert.True(failures.Count == 0, "POSTs accepted without the antiforgery token:\n" + string.Join("\n", failures));
    }
}

public sealed class CsrfTestsSqlite(SqliteAppFixture fixture) : CsrfTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class CsrfTestsPostgres(PostgresAppFixture fixture) : CsrfTests(fixture), IClassFixture<PostgresAppFixture>;
