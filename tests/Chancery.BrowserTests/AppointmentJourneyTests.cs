using System.Text.RegularExpressions;
using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Chancery.TestCommon.Smtp;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace Chancery.BrowserTests;

/// <summary>
/// Booking an appointment in a real browser, in French: the person finds the service with free slots,
/// gives the identity the appointment will be bound to, lets the real ALTCHA widget solve its proof of
/// work, types the code e-mailed, chooses a time, sees the booking with its QR code (also e-mailed), then
/// cancels it after the confirmation page. Every distinct page passes axe, once.
/// </summary>
public sealed partial class AppointmentJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly List<string> cspErrors = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    [Fact]
    public async Task Book_InFrench_RealWidgetAndMailedCode_ShowsTheQrCode_ThenCancel_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var service = await fixture.App.CreateServiceAsync(post);
        var slots = await fixture.App.AddReleasedSlotsAsync(service, 3);
        var email = $"person.{Guid.NewGuid():N}@example.org";
        var document = "ab-" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(7)).PadRight(7, '1');

        var page = await NewPageAsync();
        await page.GotoAsync("/rendez-vous");
        Assert.Contains("gratuite", await page.Locator("#appt-free").InnerTextAsync(), StringComparison.Ordinal);
        var book = page.Locator($"a[href='/rendez-vous/identite?service={service.Id}']");
        Assert.Equal(1, await book.CountAsync());
        await CheckAccessibleAsync(page);

        await book.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/rendez-vous/identite\?service=" + service.Id + "$"));
        await page.Locator("#Input_DocumentNumber").FillAsync(document);
        await page.Locator("#Input_IssuingState").SelectOptionAsync("GBR");
        await page.Locator("#Input_Surname").FillAsync("Müller-Smith");
        await page.Locator("#Input_BirthDate").FillAsync("1985-06-15");
        await page.Locator("#Input_Email").FillAsync(email);
        // The widget's checkmark covers its checkbox: a person clicks the label, as here.
        await page.Locator("altcha-widget label").ClickAsync();
        await page.Locator("altcha-widget [data-state='verified']").WaitForAsync(new() { Timeout = 60_000 });
        Assert.NotEmpty(await page.Locator("altcha-widget input[name='altcha']").InputValueAsync());
        await CheckAccessibleAsync(page);
        await ClickAndLeaveAsync(page, "Recevoir le code par courriel");

        Assert.StartsWith("/rendez-vous/code/", Path(page), StringComparison.Ordinal);
        await CheckAccessibleAsync(page);
        var codeMail = await fixture.Smtp.WaitForMessageAsync(
            m => m.To.Contains(email) && SubjectCode().IsMatch(SubjectOf(m)), TimeSpan.FromSeconds(15));
        using var codeMessage = Parse(codeMail);
        var code = SubjectCode().Match(codeMessage.Subject ?? "");
        Assert.True(code.Success, "No code in the subject: " + codeMessage.Subject);
        await page.Locator("#Input_Code").PressSequentiallyAsync(code.Groups[1].Value);
        await ClickAndLeaveAsync(page, "Vérifier le code");

        Assert.StartsWith("/rendez-vous/creneau/", Path(page), StringComparison.Ordinal);
        Assert.Equal(slots.Count, await page.Locator("input[type=radio][name=SlotId]").CountAsync());
        await CheckAccessibleAsync(page);
        await page.Locator($"label[for='slot-{slots[1]}']").ClickAsync();
        Assert.True(await page.Locator($"#slot-{slots[1]}").IsCheckedAsync());
        await ClickAndLeaveAsync(page, "Réserver ce créneau");

        Assert.Matches("^/rendez-vous/gerer/[^/]+$", Path(page));
        Assert.Equal("?nouveau=1", new Uri(page.Url).Query);
        await page.Locator("#appt-booked").WaitForAsync();
        var reference = (await page.Locator("#appt-reference").InnerTextAsync()).Trim();
        Assert.Matches("^RDV-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        Assert.True(await page.Locator("#appt-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code is not shown.");
        await CheckAccessibleAsync(page);

        var confirmation = await fixture.Smtp.WaitForMessageAsync(
            m => m.To.Contains(email) && SubjectOf(m).Contains(reference, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        using (var message = Parse(confirmation))
            Assert.Equal("image/png", message.Attachments.OfType<MimePart>().Single().ContentType.MimeType);

        var saved = await fixture.App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Reference == reference));
        var normalised = document.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        Assert.Equal((normalised, "GBR", "MULLER SMITH", new DateOnly(1985, 6, 15)), (saved.DocumentNumber, saved.IssuingState, saved.Surname, saved.BirthDate));
        Assert.Equal((slots[1], BookingState.Confirmed, email), (saved.SlotId, saved.State, saved.Email));
        Assert.Equal(SlotState.Booked, await SlotStateAsync(slots[1]));

        // Cancelling: the link leads to a confirmation page, which changes nothing by itself.
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuler le rendez-vous", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/annuler$"));
        await CheckAccessibleAsync(page);
        Assert.Equal(BookingState.Confirmed, await BookingStateAsync(reference));
        Assert.Equal(SlotState.Booked, await SlotStateAsync(slots[1]));

        await Button(page, "Oui, annuler").ClickAsync();
        await page.Locator("#appt-cancelled").WaitForAsync();
        Assert.Contains(reference, await page.Locator("#appt-cancelled").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAccessibleAsync(page);
        Assert.Equal(BookingState.Cancelled, await BookingStateAsync(reference));
        // Back to the release pool, for a later random batch, not straight to the next person polling.
        Assert.Equal(SlotState.Pool, await SlotStateAsync(slots[1]));
        await page.Context.CloseAsync();

        Assert.Empty(cspErrors);
    }

    private Task<SlotState> SlotStateAsync(long id) =>
        fixture.App.WithDbAsync(db => db.Slots.AsNoTracking().Where(s => s.Id == id).Select(s => s.State).SingleAsync());

    private Task<BookingState> BookingStateAsync(string reference) =>
        fixture.App.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Reference == reference).Select(b => b.State).SingleAsync());

    // Presses the button and waits for the next page; if the page stays (refused answers), says why.
    private static async Task ClickAndLeaveAsync(IPage page, string button)
    {
        var before = page.Url;
        await Button(page, button).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url != before, new() { Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".fr-message--error, #error-summary").AllInnerTextsAsync();
            Assert.Fail($"Still on {before} after '{button}': {string.Join(" | ", errors)}");
        }
    }

    private static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static string Path(IPage page) => new Uri(page.Url).AbsolutePath;

    private async Task<IPage> NewPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (cspErrors)
                    cspErrors.Add(page.Url + ": " + message.Text);
            }
        };
        return page;
    }

    private static MimeMessage Parse(ReceivedMail mail)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Raw));
        return MimeMessage.Load(stream);
    }

    // Subjects may be MIME-encoded: read them decoded.
    private static string SubjectOf(ReceivedMail mail)
    {
        using var message = Parse(mail);
        return message.Subject ?? "";
    }

    private Task CheckAccessibleAsync(IPage page) =>
        Accessibility.AssertNoViolationsAsync(page, line => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {line}"));

    [GeneratedRegex(@"^Votre code de rendez-vous : (\d{6,})$")]
    private static partial Regex SubjectCode();
}
