namespace Chancery.Web.Pages.Shared;

// TempData keys for the message shown at the top of the next page (rendered by _Notices.cshtml in both layouts):
//     TempData[Notice.Success] = texts["cases.approved"];
//     return RedirectToPage("./Index");
public static class Notice
{
    public const string Success = "Notice.Success";
    public const string Info = "Notice.Info";
    public const string Warning = "Notice.Warning";
    public const string Error = "Notice.Error";
}
