using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Localization;

// Lets DataAnnotations speak through Texts: [Display(Name = "book.surname")] and
// [Required(ErrorMessage = "validation.required")] are text keys.
internal sealed class TextsStringLocalizer(Texts texts) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = texts.Contains(name);
            return new LocalizedString(name, found ? texts[name] : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        texts.All(Texts.CurrentLanguage).Select(t => new LocalizedString(t.Key, t.Value));
}
