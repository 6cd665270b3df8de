using Chancery.Core.Cases;
using Chancery.Core.Documents;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Suivi;

namespace Chancery.Web.Tests.Pages;

// The pages build some text keys from enum values (staff.state.Approved...); every value needs its text.
public sealed class StaffTextsTests
{
    private static readonly Texts Texts = Texts.FromEmbeddedResources(typeof(Texts).Assembly);

    // The kinds of a listed name a match can be on (WatchlistName.Kind).
    private static readonly string[] NameKinds = ["Primary", "Alias", "OriginalScript"];

    [Fact]
    public void Texts_EveryEnumValueShownOnThePages_HasAText()
    {
        var keys = Enum.GetValues<CaseState>().Select(s => $"staff.state.{s}")
            .Concat(Enum.GetValues<CaseKind>().Select(k => $"staff.kind.{k}"))
            .Concat(Enum.GetValues<CaseKind>().Select(k => $"suivi.kind.{k}"))
            .Concat(Enum.GetValues<StockKind>().Select(k => $"staff.stockKind.{k}"))
            .Concat(Enum.GetValues<PassportFormat>().Select(f => $"staff.passportFormat.{f}"))
            .Concat(Enum.GetValues<VisaCategory>().Select(c => $"staff.visaCategory.{c}"))
            .Concat(Enum.GetValues<VisaEntries>().Select(e => $"staff.visaEntries.{e}"))
            .Concat(Enum.GetValues<ScreeningOutcome>().Select(o => $"staff.screening.{o}"))
            .Concat(Enum.GetValues<HitResolution>().Select(r => $"staff.resolution.{r}"))
            .Concat(Enum.GetValues<RegisteredDocumentStatus>().Select(s => $"staff.hit.kind.{s}"))
            .Concat(NameKinds.Select(k => $"staff.hit.kind.{k}"))
            .Concat(Enum.GetValues<CaseState>().Select(s => $"suivi.status.{IndexModel.StatusOf(s)}"))
            .Concat(Enum.GetValues<CaseAction>().SelectMany(a => new[] { $"staff.action.{a}", $"staff.action.{a}.hint", $"staff.action.{a}.submit", $"staff.action.{a}.done" }))
            .Concat(Enum.GetValues<CaseAction>().Where(CasePermissions.NeedsReason).SelectMany(a => new[] { $"staff.action.{a}.reason", $"staff.action.{a}.reason.required" }));

        var missing = keys.Where(k => !Texts.Contains(k)).ToList();

        Assert.Empty(missing);
    }
}
