using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Security;

namespace Chancery.Web.Tests.Security;

public abstract partial class RouteMatrixTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task EveryRouteOfTheApp_HasALineInTheMatrix()
    {
        var routes = await AppRoutes.AllAsync(app);

        var missing = routes.Where(r => AccessMatrix.Find(r.Method, r.Pattern, r.Handler) is null).Select(r => r.ToString()).ToList();

        Assert.True(routes.Count > 60, $"Only {routes.Count} routes were found: the enumeration is broken.");
        Assert.True(missing.Count == 0, "Routes missing from the access matrix:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task EveryLineOfTheMatrix_NamesARouteOfTheApp()
    {
        var routes = await AppRoutes.AllAsync(app);
        var known = routes.Select(r => (r.Method, AccessMatrix.Normalize(r.Pattern), r.Handler?.ToUpperInvariant())).ToHashSet();

        var stale = AccessMatrix.Rules
            .Where(rule => !known.Contains((rule.Method, AccessMatrix.Normalize(rule.Route), rule.Handler?.ToUpperInvariant())))
            .Select(rule => $"{rule.Method} /{AccessMatrix.Normalize(rule.Route)} {rule.Handler}")
            .ToList();

        Assert.True(stale.Count == 0, "Matrix lines with no such route (a typo, or a page that moved):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void UnlistedRoute_HasNoLine_SoItIsRefused()
    {
        Assert.Null(AccessMatrix.Find("GET", "/staff/nowhere", null));
        Assert.Null(AccessMatrix.Find("POST", "staff/stock", "Unknown"));
        Assert.Null(AccessMatrix.Find("DELETE", "/api/v1/cases/{id:guid}", null));
    }

    [Fact]
    public async Task StaffPages_EveryRole_IsRefusedWhereTheMatrixSaysSo_AndServedWhereItAllows()
    {
        var post = await app.CreatePostAsync();
        var pages = AccessMatrix.Rules
            .Where(r => r.Method == "GET" && r.Scope is AccessScope.Post or AccessScope.Global && !r.Route.StartsWith("api/", StringComparison.Ordinal))
            .ToList();
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var agent = await app.CreateStaffAsync(role, post);
            using var session = await StaffSession.SignInAsync(app, agent.UserName!);
            var actor = ActorWith(role, post);
            foreach (var rule in pages)
            {
                var url = Fill(rule.Route, post);
                var (response, _) = await session.GetAsync(url);
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && IsDenied(response.Headers.Location));
                if (refused == rule.Allows(actor))
                    failures.Add($"{role} GET {url}: {(int)response.StatusCode} {response.Headers.Location}, the matrix says {(rule.Allows(actor) ? "allowed" : "refused")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ApiRoutes_EveryRole_IsForbiddenWhereTheMatrixSaysSo_AndNotWhereItAllows()
    {
        var post = await app.CreatePostAsync();
        var routes = AccessMatrix.Rules.Where(r => r.Route.StartsWith("api/", StringComparison.Ordinal) && !r.IsPublic).ToList();
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            using var client = await app.ApiClientAsync(role, post);
            var actor = ActorWith(role, post);
            foreach (var rule in routes)
            {
                var url = Fill(rule.Route, post);
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
                if (rule.Method == "POST")
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                var forbidden = response.StatusCode == HttpStatusCode.Forbidden;
                if (forbidden == rule.Allows(actor))
                    failures.Add($"{role} {rule.Method} {url}: {(int)response.StatusCode}, the matrix says {(rule.Allows(actor) ? "allowed" : "refused")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    internal static bool IsDenied(Uri? location) =>
        location is not null && new Uri(new Uri("http://any.test"), location).AbsolutePath == "/staff/denied";

    internal static Actor ActorWith(Role role, Post post) => new("test", "test", new HashSet<Role> { role }, new HashSet<int> { post.Id }, null);

    /// <summary>A URL for a route pattern: the post's id for a post parameter, ids of nothing for the others.</summary>
    internal static string Fill(string pattern, Post post, Guid? caseId = null) =>
        "/" + Parameter().Replace(AccessMatrix.Normalize(pattern), m =>
        {
            var name = m.Groups["name"].Value;
            var constraint = m.Groups["constraint"].Value;
            return name == "handler" ? ""
                : name == "postId" ? post.Id.ToString(CultureInfo.InvariantCulture)
                : constraint == "guid" && name is "id" or "caseId" && caseId is { } known ? known.ToString()
                : constraint == "guid" ? Guid.NewGuid().ToString()
                : constraint == "int" ? "2147483000"
                : name == "action" ? "approve"
                : "nothing";
        });

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();
}

public sealed class RouteMatrixTestsSqlite(SqliteAppFixture fixture) : RouteMatrixTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class RouteMatrixTestsPostgres(PostgresAppFixture fixture) : RouteMatrixTests(fixture), IClassFixture<PostgresAppFixture>;
