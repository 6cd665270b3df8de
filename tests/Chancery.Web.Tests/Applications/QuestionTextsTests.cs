using System.Globalization;
using System.Text.Json;
using Chancery.Core.Applications;
using Chancery.Web.Localization;

namespace Chancery.Web.Tests.Applications;

// The pages of the online forms build their text keys from the form definitions (apply.step.{key},
// apply.field.{name}, apply.choice.{name}.{value}, apply.upload.{slug}.{slot}) and from the error codes
// of ValidateAnswers: every one needs its text, in French and in English.
public sealed class QuestionTextsTests
{
    private static readonly Texts Texts = Texts.FromEmbeddedResources(typeof(Texts).Assembly);

    // The codes ValidateAnswers gives (grep its `new(` calls); keep this list in step with it.
    private static readonly string[] ErrorCodes =
    [
        "required", "text.invalid", "tooLong", "date.invalid", "date.future", "date.past", "partialDate.invalid",
        "country.unknown", "schengen.unknown", "choice.invalid", "email.invalid", "phone.invalid", "post.unknown",
        "name.invalid", "document.number", "document.expiryBeforeIssue", "document.tooOld",
        "dates.departureBeforeArrival", "dates.tooLong", "dates.tooLongD", "document.expiresTooSoon",
        "parent.bornAfterChild", "unknown",
    ];

    private static readonly string[] SpacedPunctuation = [" ?", " !", " :", " ;", " »"];

    public static TheoryData<string> Languages => [Texts.French, Texts.English];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Texts_EveryFormStepAndField_HasATextInTheLanguage(string language)
    {
        var keys = ApplicationForms.All.SelectMany(f => new[] { $"apply.form.{f.Slug}", $"apply.form.{f.Slug}.lead" })
            .Concat(ApplicationForms.All.SelectMany(f => f.Steps).Select(s => $"apply.step.{s.Key}"))
            .Concat(ApplicationForms.All.SelectMany(f => f.Fields).Select(f => $"apply.field.{f.Name}"));

        Assert.Empty(Missing(keys, language));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Texts_EveryChoiceOfEveryForm_HasATextInTheLanguage(string language)
    {
        var keys = ApplicationForms.All.SelectMany(f => f.Fields)
            .Where(f => f.Type is FieldType.Choice or FieldType.YesNo)
            .SelectMany(f => f.Choices!.Select(c => $"apply.choice.{f.Name}.{c}"));

        Assert.Empty(Missing(keys, language));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Texts_EveryUploadOfEveryForm_HasALabelAndAHintInTheLanguage(string language)
    {
        var keys = ApplicationForms.All.SelectMany(f => f.Uploads.SelectMany(u => new[]
        {
            $"apply.upload.{f.Slug}.{u.Slot}",
            $"apply.upload.{f.Slug}.{u.Slot}.hint",
        }));

        Assert.Empty(Missing(keys, language));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Texts_EveryErrorCode_HasAMessageThatFormatsInTheLanguage(string language)
    {
        Assert.Empty(Missing(ErrorCodes.Select(c => $"apply.error.{c}"), language));
        foreach (var code in ErrorCodes)
        {
            var message = string.Format(CultureInfo.InvariantCulture, Texts.All(language)[$"apply.error.{code}"], "Date de naissance", "200");
            Assert.DoesNotContain("{", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void QuestionFiles_FrenchAndEnglish_HaveTheSameKeys()
    {
        var french = ReadQuestionFile(Texts.French);
        var english = ReadQuestionFile(Texts.English);

        Assert.Empty(french.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(english.Keys.Except(french.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QuestionFiles_FrenchTexts_UseFrenchTypography()
    {
        var french = ReadQuestionFile(Texts.French);

        // An apostrophe is ’, and ? ! : ; » follow (« precedes) a non-breaking space, not an ordinary one.
        var badlySet = french.Where(t => t.Value.Contains('\'', StringComparison.Ordinal)
                || t.Value.Contains("« ", StringComparison.Ordinal)
                || SpacedPunctuation.Any(p => t.Value.Contains(p, StringComparison.Ordinal)))
            .Select(t => t.Key)
            .ToList();

        Assert.Empty(badlySet);
    }

    private static List<string> Missing(IEnumerable<string> keys, string language)
    {
        var texts = Texts.All(language);
        return keys.Distinct(StringComparer.Ordinal).Where(k => !texts.ContainsKey(k) || string.IsNullOrWhiteSpace(texts[k])).ToList();
    }

    private static Dictionary<string, string> ReadQuestionFile(string language)
    {
        var assembly = typeof(Texts).Assembly;
        var name = Assert.Single(assembly.GetManifestResourceNames(), n => n.EndsWith($"Applications.Questions.texts.{language}.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }
}
