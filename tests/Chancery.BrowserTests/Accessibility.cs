using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Chancery.BrowserTests;

/// <summary>
/// axe on the pages the journeys visit, once per kind of page in the whole run: the same page template, in the
/// same language, with or without an error summary, is checked the first time any journey reaches it. axe takes
/// seconds a page on a 2-core machine, and the journeys pass through the same pages again and again.
/// </summary>
internal static partial class Accessibility
{
    private static readonly ConcurrentDictionary<string, byte> Checked = new(StringComparer.Ordinal);

    /// <summary>Runs axe (all rules) unless this kind of page was already checked; fails on any violation.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Template().Replace(new Uri(page.Url).AbsolutePath, "{id}");
        var lang = await page.EvaluateAsync<string>("document.documentElement.lang");
        var withErrors = await page.Locator("#error-summary").CountAsync() > 0;
        if (!Checked.TryAdd($"{path}|{lang}|{withErrors}", 0))
            return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Only the violations are serialised back (all rules still run): much faster on this machine.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        log?.Invoke($"axe {started.Elapsed.TotalSeconds:F1} s  {page.Url}");
        Assert.True(
            result.Violations.Length == 0,
            $"axe on {page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    // Identifiers in paths: GUIDs, numbers, references, and the long random tokens of links (resume, manage);
    // step names are lower case without digits-and-capitals, so they stay.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)(?=[^/]*[A-Z])(?=[^/]*\d)[A-Za-z0-9_\-]{16,}|(?<=/)\d+(?=/|$)|(?<=/)[A-Z0-9]{2,}-[A-Z0-9\-]+")]
    private static partial Regex Template();
}
