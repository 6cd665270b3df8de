using System.Net;
using System.Security.Cryptography;
using Chancery.Core.Staff;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Pages;

public abstract class StockPagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task Receive_NewRange_IsListedWithItsNumbers()
    {
        var post = await app.CreatePostAsync();
        var printer = await app.CreateStaffAsync(Role.PrintOperator, post);
        var prefix = NewPrefix();
        using var session = await StaffSession.SignInAsync(app, printer.UserName!);

        var response = await session.PostFormAsync("/staff/stock", Range(post.Code, prefix, 1, 50), "#receive-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await session.GetAsync("/staff/stock");
        var row = page.QuerySelectorAll("#stock-table tbody tr").Single(r => r.Children[2].TextContent.Trim() == prefix);
        Assert.Equal(Number(prefix, 1), row.Children[3].TextContent.Trim());
        Assert.Equal(Number(prefix, 50), row.Children[4].TextContent.Trim());
        Assert.Equal("50", row.Children[6].TextContent.Trim());
    }

    [Fact]
    public async Task Receive_OverlappingRange_RerendersWithTheMessage()
    {
        var post = await app.CreatePostAsync();
        var printer = await app.CreateStaffAsync(Role.PrintOperator, post);
        var prefix = NewPrefix();
        using var session = await StaffSession.SignInAsync(app, printer.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/staff/stock", Range(post.Code, prefix, 1, 50), "#receive-form")).StatusCode);

        var response = await session.PostFormAsync("/staff/stock", Range(post.Code, prefix, 40, 60), "#receive-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("chevauchent", Html.FieldError(page, "Receive_FirstSerial"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spoil_NextBlankOfARange_IsListedAsSpoiledAndSkipped()
    {
        var post = await app.CreatePostAsync();
        var printer = await app.CreateStaffAsync(Role.PrintOperator, post);
        var prefix = NewPrefix();
        using var session = await StaffSession.SignInAsync(app, printer.UserName!);
        await session.PostFormAsync("/staff/stock", Range(post.Code, prefix, 1, 10), "#receive-form");
        var (_, before) = await session.GetAsync("/staff/stock");
        var range = before.QuerySelectorAll("#Spoil_StockId option").Single(o => o.TextContent.Contains(Number(prefix, 1), StringComparison.Ordinal)).GetAttribute("value")!;

        var response = await session.PostFormAsync("/staff/stock", new Dictionary<string, string>
        {
            ["Spoil.StockId"] = range, ["Spoil.Reason"] = "Torn in the printer",
        }, "#spoil-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await session.GetAsync("/staff/stock");
        Assert.Contains(page.QuerySelectorAll("#spoiled-table tbody tr"), r => r.Children[0].TextContent.Trim() == Number(prefix, 1) && r.TextContent.Contains("Torn in the printer", StringComparison.Ordinal));
        var row = page.QuerySelectorAll("#stock-table tbody tr").Single(r => r.Children[2].TextContent.Trim() == prefix);
        Assert.Equal(Number(prefix, 2), row.Children[5].TextContent.Trim());
    }

    [Fact]
    public async Task Spoil_WithoutReason_RerendersWithTheMessageNextToTheReason()
    {
        var post = await app.CreatePostAsync();
        var printer = await app.CreateStaffAsync(Role.PrintOperator, post);
        using var session = await StaffSession.SignInAsync(app, printer.UserName!);
        var (_, before) = await session.GetAsync("/staff/stock");
        var range = before.QuerySelectorAll("#Spoil_StockId option").First(o => o.GetAttribute("value") is { Length: > 0 }).GetAttribute("value")!;

        var response = await session.PostFormAsync("/staff/stock", new Dictionary<string, string> { ["Spoil.StockId"] = range, ["Spoil.Reason"] = "" }, "#spoil-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(Html.FieldError(page, "Spoil_Reason"));
        Assert.Null(Html.FieldError(page, "Receive_Prefix"));
    }

    [Fact]
    public async Task StockPage_Clerk_SeesTheStockButNoFormsAndCannotPostOne()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var (response, page) = await session.GetAsync("/staff/stock");
        var receive = await session.PostAsync("/staff/stock?handler=Receive", Range(post.Code, NewPrefix(), 1, 5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, page.QuerySelectorAll("#stock-table tbody tr").Length);
        Assert.Null(page.GetElementById("receive-form"));
        Assert.Null(page.GetElementById("spoil-form"));
        Assert.Equal(HttpStatusCode.Redirect, receive.StatusCode);
        Assert.Equal("/staff/denied", receive.Headers.Location?.AbsolutePath);
    }

    private static Dictionary<string, string> Range(string postCode, string prefix, long first, long last) => new()
    {
        ["Receive.PostCode"] = postCode,
        ["Receive.Kind"] = "VisaSticker",
        ["Receive.Prefix"] = prefix,
        ["Receive.FirstSerial"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Receive.LastSerial"] = last.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // Ranges are unique per kind and prefix across the database. ChanceryApp's posts end their prefixes in A-D.
    private static string NewPrefix() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3) + RandomNumberGenerator.GetString("EFGHIJKLMNOPQRSTUVWXYZ", 1);

    private static string Number(string prefix, long serial) =>
        prefix + serial.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(9 - prefix.Length, '0');
}

public sealed class StockPagesTestsSqlite(SqliteAppFixture fixture) : StockPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class StockPagesTestsPostgres(PostgresAppFixture fixture) : StockPagesTests(fixture), IClassFixture<PostgresAppFixture>;
