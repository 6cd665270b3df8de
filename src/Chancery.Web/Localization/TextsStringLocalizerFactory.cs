using Microsoft.Extensions.Localization;

namespace Chancery.Web.Localization;

// One set of texts for the whole application, whatever type or resource asks for it.
internal sealed class TextsStringLocalizerFactory(Texts texts) : IStringLocalizerFactory
{
    private readonly TextsStringLocalizer _localizer = new(texts);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
