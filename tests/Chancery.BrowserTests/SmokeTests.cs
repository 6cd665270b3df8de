using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

public sealed class SmokeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HomePage_RendersInChromium_WithoutAxeViolations()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text); };

        var response = await page.GotoAsync("/");
        var axe = await page.RunAxe();

        Assert.Equal(200, response!.Status);
        Assert.Empty(axe.Violations);
        Assert.Empty(cspErrors);
    }
}
