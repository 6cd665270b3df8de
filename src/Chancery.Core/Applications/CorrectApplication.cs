using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Options;
using Chancery.Core.Persons;
using Chancery.Core.Protection;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Applications;

/// <summary>
/// Corrections of a submitted application: staff name the answers to fix and the applicant, through an
/// e-mailed link, changes those and no others. The case register's own columns follow the answers, and a
/// case whose people changed is screened again at once.
/// </summary>
public sealed class CorrectApplication(ChanceryDb db, TimeProvider clock, ScreenCase screen, IOptions<ChanceryOptions> options)
{
    /// <summary>Corrections are asked while the case is still being examined, never once it is decided.</summary>
    public static readonly IReadOnlySet<CaseState> OpenStates = new HashSet<CaseState>
    {
        CaseState.Submitted, CaseState.ChecksPending, CaseState.ChecksCleared, CaseState.Hit, CaseState.HitResolved,
    };

    private static readonly HashSet<string> PersonFields = new(StringComparer.Ordinal)
    {
        "surname", "givenNames", "birthDate", "placeOfBirth", "sex", "nationality",
        "childSurname", "childGivenNames", "childBirthDate", "childSex",
        "parent1Surname", "parent1GivenNames", "parent1BirthDate", "parent1Nationality",
        "parent2Surname", "parent2GivenNames", "parent2BirthDate", "parent2Nationality", "secondParent",
        "documentNumber", "documentIssuingState",
    };

    /// <summary>A request made: the token goes in the e-mailed link and is not kept.</summary>
    public sealed record Requested(CorrectionRequest Request, string Token, string Email, string Language, string ApplicationNumber);

    /// <summary>What the applicant's page needs.</summary>
    public sealed record Opened(CorrectionRequest Request, SubmittedApplication Application, FormDefinition Form, string ApplicationNumber);

    public async Task<Result<Requested>> RequestAsync(Guid caseId, IReadOnlyCollection<string> fields, string message, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.Clerk) && !actor.Has(Role.Adjudicator) && !actor.Has(Role.Consul))
            return Error.Forbidden("Asking for a correction needs the role Clerk, Adjudicator or Consul.");
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.PostId, c.State, c.Reference }).SingleOrDefaultAsync(ct);
        if (found is null || !actor.Sees(found.PostId))
            return Error.NotFound("The case");
        var application = await db.SubmittedApplications.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseId, ct);
        if (application is null)
            return Error.Conflict("application.none", "This case was not submitted as an online application.");
        if (!OpenStates.Contains(found.State))
            return Error.Conflict("application.decided", "Corrections can only be asked before the case is decided.");
        var form = ApplicationForms.Get(application.Form);
        if (fields.Count == 0)
            return Error.Validation("fields", "Name at least one answer to correct.");
        if (fields.FirstOrDefault(f => form.Field(f) is null) is { } unknown)
            return Error.Validation("fields", $"'{unknown}' is not a question of the {form.Slug} form.");
        if (string.IsNullOrWhiteSpace(message) || message.Length > 2000)
            return Error.Validation("message", "Say in a few words (up to 2000 characters) what must be corrected.");

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Secrets.NewToken();
        var request = new CorrectionRequest
        {
            CaseId = caseId,
            Fields = string.Join(',', fields.Distinct(StringComparer.Ordinal)),
            Message = message.Trim(),
            TokenHash = Secrets.Hash(token),
            RequestedBy = actor.Id,
            RequestedAt = now,
            ExpiresAt = now + CorrectionRequest.Lifetime,
        };
        db.CorrectionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return new Requested(request, token, application.Email, application.Language, found.Reference);
    }

    /// <summary>The open request behind a link, or null when the link is unknown, used or expired.</summary>
    public async Task<Opened?> OpenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return null;
        var hash = Secrets.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.CorrectionRequests.SingleOrDefaultAsync(r => r.TokenHash == hash, ct);
        if (request is null || request.CompletedAt is not null || request.ExpiresAt <= now)
            return null;
        var application = await db.SubmittedApplications.SingleAsync(a => a.CaseId == request.CaseId, ct);
        var reference = await db.Cases.Where(c => c.Id == request.CaseId).Select(c => c.Reference).SingleAsync(ct);
        return new Opened(request, application, ApplicationForms.Get(application.Form), reference);
    }

    /// <summary>
    /// Applies the applicant's new answers to the named fields. Returns the errors to show next to
    /// the fields (empty when it was applied); the whole application must still be valid afterwards.
    /// </summary>
    public async Task<Result<IReadOnlyList<AnswerError>>> ApplyAsync(string token, IReadOnlyDictionary<string, string?> given, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(given);
        var opened = await OpenAsync(token, ct);
        if (opened is null)
            return Error.NotFound("The correction request");
        var (request, application, form, _) = opened;
        var @case = await db.Cases.Include(c => c.Applicant).SingleAsync(c => c.Id == request.CaseId, ct);
        if (!OpenStates.Contains(@case.State))
            return Error.Conflict("application.decided", "The case has been decided meanwhile: contact the consulate.");

        var answers = application.Answers;
        foreach (var name in request.FieldNames)
            answers.Set(name, given.GetValueOrDefault(name));
        var named = request.FieldNames.ToHashSet(StringComparer.Ordinal);
        var rules = new ApplicationRules(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), await db.Posts.Select(p => p.Code).ToHashSetAsync(StringComparer.Ordinal, ct));
        var errors = ValidateAnswers.All(form, answers, rules);
        if (errors.Count > 0)
        {
            // An answer outside the named fields cannot be fixed here: say so on the first named field.
            IReadOnlyList<AnswerError> shown = [.. errors.Select(e => named.Contains(e.Field) ? e : e with { Field = request.FieldNames[0] })];
            return Result<IReadOnlyList<AnswerError>>.Success(shown);
        }

        var before = application.Answers;
        var now = clock.GetUtcNow().UtcDateTime;
        application.Answers = answers;
        application.Email = answers["email"] ?? application.Email;
        request.CompletedAt = now;
        await FollowAsync(@case, form, answers, ct);
        if (PersonFields.Any(f => before[f] != answers[f]) && CaseLifecycle.Next(@case.State, CaseAction.RecordChecks).IsSuccess)
        {
            // New names, dates or document: what was screened no longer describes the person.
            await screen.ScreenTrackedAsync(@case, ScreenCase.System(@case.PostId), now, options.Value.Screening.IndexWait, ct);
        }
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<AnswerError>>.Success([]);
    }

    // The case register's columns are written once at entry; a correction is the one other writer, through EF.
    private async Task FollowAsync(Case @case, FormDefinition form, ApplicationAnswers answers, CancellationToken ct)
    {
        var input = ApplicationCase.ToNewCase(form, answers, options.Value.IssuingState);
        Copy(input.Applicant!, @case.Applicant);
        switch (@case)
        {
            case VisaCase visa:
                var visaEntry = db.Entry(visa);
                PersonalData.Assign(visa, nameof(VisaCase.Purpose), input.Visa!.Purpose);
                visaEntry.Property(v => v.Entries).CurrentValue = input.Visa.Entries!.Value;
                visaEntry.Property(v => v.RequestedFrom).CurrentValue = input.Visa.RequestedFrom!.Value;
                visaEntry.Property(v => v.RequestedUntil).CurrentValue = input.Visa.RequestedUntil!.Value;
                PersonalData.Assign(visa, nameof(VisaCase.TravelDocumentNumber), input.Visa.TravelDocumentNumber);
                visaEntry.Property(v => v.TravelDocumentState).CurrentValue = input.Visa.TravelDocumentState;
                break;
            case PassportCase passport:
                db.Entry(passport).Property(p => p.Format).CurrentValue = input.PassportFormat ?? PassportFormat.Booklet;
                break;
            case BirthReportCase birth:
                var first = await db.Persons.SingleAsync(p => p.Id == birth.FirstParentId, ct);
                Copy(input.Parents![0], first);
                var entry = db.Entry(birth);
                if (input.Parents.Count > 1 && birth.SecondParentId is { } second)
                {
                    Copy(input.Parents[1], await db.Persons.SingleAsync(p => p.Id == second, ct));
                }
                else if (input.Parents.Count > 1)
                {
                    // A second parent named only in the correction joins the case (and is screened with it).
                    var added = new Person { Surname = "", GivenNames = "", BirthDate = "", Sex = "", Nationality = "" };
                    Copy(input.Parents[1], added);
                    db.Persons.Add(added);
                    entry.Property(b => b.SecondParentId).CurrentValue = added.Id;
                }
                else if (birth.SecondParentId is not null)
                {
                    entry.Property(b => b.SecondParentId).CurrentValue = null;
                }
                break;
        }
    }

    private static void Copy(NewPerson from, Person to)
    {
        to.Surname = from.Surname.Trim();
        to.GivenNames = from.GivenNames.Trim();
        to.BirthDate = PartialDate.TryParse(from.BirthDate, out var born) ? born.ToString() : to.BirthDate;
        to.PlaceOfBirth = from.PlaceOfBirth;
        to.Sex = from.Sex;
        to.Nationality = from.Nationality;
        to.Email = from.Email ?? to.Email;
        to.Phone = from.Phone ?? to.Phone;
        to.Address = from.Address ?? to.Address;
    }
}
