using System.Globalization;
using System.Net;
using Chancery.Web.Localization;
using Chancery.Core.Mail;

namespace Chancery.Web.Pages.Applications;

// The three e-mails of an online application, in the draft's language: short, plain text, with a simple
// HTML copy. A code never goes into a subject line (subjects show in notifications and lists).
internal static class ApplicationMail
{
    public static OutgoingMail ResumeLink(Texts texts, string language, string to, string link, DateTime expiresAt) =>
        Build(texts, language, to, "apply.mail.link.subject", "apply.mail.link.body",
            link, expiresAt.ToString("d MMMM yyyy", Culture(language)));

    public static OutgoingMail Code(Texts texts, string language, string to, string code) =>
        Build(texts, language, to, "apply.mail.code.subject", "apply.mail.code.body", code);

    public static OutgoingMail Receipt(Texts texts, string language, string to, string number, string form, string tracking) =>
        Build(texts, language, to, "apply.mail.receipt.subject", "apply.mail.receipt.body", number, form, tracking);

    private static OutgoingMail Build(Texts texts, string language, string to, string subjectKey, string bodyKey, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var culture = Culture(language);
        var subject = string.Format(culture, texts.Get(subjectKey, language), args);
        var body = string.Format(culture, texts.Get(bodyKey, language), args) + "\n\n" + texts.Get("apply.mail.signature", language);
        var html = "<p>" + string.Join("</p><p>", body.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
        return new OutgoingMail(to, subject, body, html);
    }

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == Texts.English ? "en-GB" : "fr-FR");
}
