using Chancery.Core.Applications.Uploads;

namespace Chancery.Core.Applications;

/// <summary>One online form: its steps in order and the documents it asks for.</summary>
public sealed class FormDefinition
{
    private readonly Dictionary<string, FormField> fields;

    public FormDefinition(ApplicationForm form, string slug, IReadOnlyList<FormStep> steps, IReadOnlyList<UploadRequest> uploads)
    {
        Form = form;
        Slug = slug;
        Steps = steps;
        Uploads = uploads;
        fields = steps.SelectMany(s => s.Fields).ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public ApplicationForm Form { get; }

    /// <summary>The form's name in addresses and in the API: <c>short-stay-visa</c>, <c>long-stay-visa</c>, <c>passport</c>, <c>birth-report</c>.</summary>
    public string Slug { get; }

    public IReadOnlyList<FormStep> Steps { get; }

    public IReadOnlyList<UploadRequest> Uploads { get; }

    public IEnumerable<FormField> Fields => fields.Values;

    public FormField? Field(string name) => fields.GetValueOrDefault(name);

    public FormStep? Step(string key) => Steps.FirstOrDefault(s => s.Key == key);

    public FormStep? StepOf(string fieldName) => Steps.FirstOrDefault(s => s.Fields.Any(f => f.Name == fieldName));

    /// <summary>The steps that apply to these answers, in order.</summary>
    public IEnumerable<FormStep> StepsFor(ApplicationAnswers answers, DateOnly today) => Steps.Where(s => s.Applies(answers, today));
}
