using System.Security.Cryptography;
using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Applications;

// The supporting documents of a draft: one upload per slot, checked by their content (never by the name
// or the type the browser claims), kept under a server-chosen name; a new file replaces the slot's old one.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
internal sealed class DocumentsModel(ChanceryDb db, TimeProvider clock, UploadStore store, Texts texts)
    : DraftPageModel(db, clock, store)
{
    // The largest file the inspector takes (10 MiB) and the form around it.
    private const long MaxRequestBytes = 11 * 1024 * 1024;

    // Inspector codes that have their own sentence; any other refusal gets the general one.
    private static readonly HashSet<string> KnownErrors = new(StringComparer.Ordinal)
    {
        "upload.empty", "upload.too-large", "upload.photo-not-image", "upload.unsupported-type", "upload.image-unreadable",
        "upload.image-truncated", "upload.image-dimensions", "upload.pdf-encrypted", "upload.pdf-active-content",
    };

    public FormStep Step { get; private set; } = null!;

    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];

    public Dictionary<UploadSlot, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? valider, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away)
            return away;
        // Sent back here by the declaration: say which required document is missing.
        if (valider is not null)
            CheckRequired();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(UploadSlot slot, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away)
            return away;
        if (Form.Uploads.All(u => u.Slot != slot))
            return NotFound();

        var file = Request.Form.Files["file"];
        if (file is null || file.Length == 0)
            return Refuse(slot, texts["apply.docs.error.missing"]);
        if (file.Length > UploadInspector.MaxScanBytes)
            return Refuse(slot, texts["apply.docs.error.too-large"]);

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var inspected = UploadInspector.Inspect(content, slot);
        if (!inspected.IsSuccess)
        {
            var code = inspected.Error.Code;
            return Refuse(slot, KnownErrors.Contains(code) ? texts["apply.docs.error." + code["upload.".Length..]] : texts["apply.docs.error.generic"]);
        }

        var kept = inspected.Value;
        var storedName = await Store.SaveAsync(content, kept.Extension, ct);
        var previous = Documents.Where(d => d.Slot == slot).ToList();
        Db.ApplicationDocuments.RemoveRange(previous);
        Db.ApplicationDocuments.Add(new ApplicationDocument
        {
            DraftId = Draft.Id,
            Slot = slot,
            ContentType = kept.ContentType,
            Length = kept.Length,
            Width = kept.Width,
            Height = kept.Height,
            StoredName = storedName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = Now,
        });
        Draft.UpdatedAt = Now;
        await Db.SaveChangesAsync(ct);
        foreach (var old in previous)
            Store.Delete(old.StoredName);
        TempData[Shared.Notice.Success] = texts["apply.docs.uploaded", texts[$"apply.upload.{Form.Slug}.{slot}"]];
        return Redirect("/demande/documents");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away)
            return away;
        if (Documents.FirstOrDefault(d => d.Id == id) is { } document)
        {
            Db.ApplicationDocuments.Remove(document);
            await Db.SaveChangesAsync(ct);
            Store.Delete(document.StoredName);
        }
        return Redirect("/demande/documents");
    }

    public async Task<IActionResult> OnPostContinueAsync(string? retour, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away)
            return away;
        CheckRequired();
        if (Errors.Count > 0)
            return Page();
        return Redirect(NextUrl(Step, retour == "verifier"));
    }

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " Mo"
            : Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.CurrentCulture) + " ko";

    private void CheckRequired()
    {
        foreach (var missing in Form.Uploads.Where(u => u.Required && Documents.All(d => d.Slot != u.Slot)))
        {
            var message = texts["apply.docs.error.required", texts[$"apply.upload.{Form.Slug}.{missing.Slot}"]];
            Errors[missing.Slot] = message;
            ModelState.AddModelError("file-" + missing.Slot, message);
        }
    }

    private PageResult Refuse(UploadSlot slot, string message)
    {
        Errors[slot] = message;
        ModelState.AddModelError("file-" + slot, message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        if (Form.Steps.FirstOrDefault(s => s.IsUploads) is not { } step)
            return NotFound();
        Step = step;
        Documents = await Db.ApplicationDocuments.Where(d => d.DraftId == Draft.Id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        return null;
    }
}
