using Chancery.Core.Cases;

namespace Chancery.Web.Pages.Staff.Cases;

// The DSFR badge colour of a case state: green when it went well, red when it stopped, blue while it moves.
public static class CaseStateBadge
{
    public static string CssClass(CaseState state) => state switch
    {
        CaseState.Approved or CaseState.Printed or CaseState.Issued or CaseState.Delivered or CaseState.Closed => "fr-badge fr-badge--success",
        CaseState.Refused or CaseState.Invalidated or CaseState.Hit => "fr-badge fr-badge--error",
        CaseState.Withdrawn => "fr-badge",
        CaseState.Dispatched => "fr-badge fr-badge--new",
        _ => "fr-badge fr-badge--info",
    };
}
