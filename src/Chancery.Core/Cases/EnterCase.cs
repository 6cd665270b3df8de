using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents.Mrz;
using Chancery.Core.Persons;
using Chancery.Core.Posts;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Cases;

/// <summary>Registers a new case at a post and queues it for its security checks.</summary>
public sealed class EnterCase(ChanceryDb db, TimeProvider clock, ScreenCase screen, IOptions<ChanceryOptions> options)
{
    public async Task<Result<Case>> ExecuteAsync(NewCase input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.Clerk))
            return Error.Forbidden("Entering a case needs the role 'Clerk'.");

        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Code == input.PostCode, ct);
        if (post is null || !actor.Sees(post.Id))
            return Error.Validation("postCode", $"There is no post '{input.PostCode}' you work for.");
        return await EnterAsync(input, post, actor, ct);
    }

    /// <summary>
    /// Enters a case an applicant submitted online: no staff role, any post that takes applications.
    /// The applicant is recorded as who entered it, so any clerk of the post may take it further.
    /// </summary>
    public async Task<Result<Case>> ExecuteOnlineAsync(NewCase input, Actor applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(applicant);
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Code == input.PostCode, ct);
        if (post is null)
            return Error.Validation("postCode", $"There is no post '{input.PostCode}'.");
        return await EnterAsync(input, post, applicant, ct);
    }

    private async Task<Result<Case>> EnterAsync(NewCase input, Post post, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var applicant = ToPerson(input.Applicant!, "applicant", today);
        if (!applicant.IsSuccess)
            return applicant.Error;

        Case @case;
        var reference = CaseReference.New(post.Code);
        switch (input.Kind)
        {
            case CaseKind.Passport:
                @case = new PassportCase
                {
                    Reference = reference, PostId = post.Id, ApplicantId = applicant.Value.Id, Applicant = applicant.Value,
                    EnteredBy = actor.Id, EnteredAt = now, Format = input.PassportFormat ?? PassportFormat.Booklet,
                };
                break;
            case CaseKind.Visa:
                var visa = input.Visa;
                if (visa is null)
                    return Error.Validation("visa", "A visa case needs its visa details.");
                if (visa.RequestedUntil < visa.RequestedFrom)
                    return Error.Validation("visa.requestedUntil", "The end of the stay is before its start.");
                if (visa.RequestedFrom < today)
                    return Error.Validation("visa.requestedFrom", "The stay cannot start in the past.");
                if (!MrzCountryCodes.IsKnown(visa.TravelDocumentState))
                    return Error.Validation("visa.travelDocumentState", $"'{visa.TravelDocumentState}' is not a known issuing state code.");
                @case = new VisaCase
                {
                    Reference = reference, PostId = post.Id, ApplicantId = applicant.Value.Id, Applicant = applicant.Value,
                    EnteredBy = actor.Id, EnteredAt = now,
                    Category = visa.Category!.Value, Purpose = visa.Purpose.Trim(), Entries = visa.Entries!.Value,
                    RequestedFrom = visa.RequestedFrom!.Value, RequestedUntil = visa.RequestedUntil!.Value,
                    TravelDocumentNumber = visa.TravelDocumentNumber, TravelDocumentState = visa.TravelDocumentState,
                };
                break;
            case CaseKind.BirthReport:
                if (input.Parents is not { Count: >= 1 and <= 2 } || input.Parents.Any(p => p is null))
                    return Error.Validation("parents", "A report of birth names one or two parents.");
                var parents = new List<Person>();
                for (var i = 0; i < input.Parents.Count; i++)
                {
                    var parent = ToPerson(input.Parents[i], $"parents[{i}]", today);
                    if (!parent.IsSuccess)
                        return parent.Error;
                    parents.Add(parent.Value);
                }

                @case = new BirthReportCase
                {
                    Reference = reference, PostId = post.Id, ApplicantId = applicant.Value.Id, Applicant = applicant.Value,
                    EnteredBy = actor.Id, EnteredAt = now,
                    FirstParentId = parents[0].Id, FirstParent = parents[0],
                    SecondParentId = parents.Count > 1 ? parents[1].Id : null, SecondParent = parents.Count > 1 ? parents[1] : null,
                };
                break;
            default:
                return Error.Validation("kind", "The kind must be Passport, Visa or BirthReport.");
        }

        @case.RecordSubmission(actor, now);
        @case.Apply(CaseAction.StartChecks, actor, now, "Queued for security checks");
        db.Cases.Add(@case);
        // Screening runs at submission; if the index of changed lists is not ready in time, the case
        // waits in ChecksPending and the background worker screens it as soon as it is.
        await screen.ScreenTrackedAsync(@case, ScreenCase.System(post.Id), now, options.Value.Screening.IndexWait, ct);

        await db.SaveChangesAsync(ct);
        return @case;
    }

    private static Result<Person> ToPerson(NewPerson p, string field, DateOnly today)
    {
        if (!PartialDate.TryParse(p.BirthDate, out var born))
            return Error.Validation(field + ".birthDate", $"'{p.BirthDate}' is not a date of birth: write YYYY, YYYY-MM or YYYY-MM-DD.");
        if (born.Earliest > today)
            return Error.Validation(field + ".birthDate", "The date of birth is in the future.");
        if (!MrzCountryCodes.IsKnown(p.Nationality))
            return Error.Validation(field + ".nationality", $"'{p.Nationality}' is not a known nationality code.");
        if (string.IsNullOrWhiteSpace(p.Surname))
            return Error.Validation(field + ".surname", "The surname is required.");
        // The printed zone carries the name in Latin letters: a name written only in another script needs its transliteration.
        if (MrzNames.ToMrz(p.Surname).Trim('<').Length == 0)
        {
            return Error.Validation(field + ".surname", "The surname has no letter that can be printed in a machine readable zone: enter it in Latin letters as in the travel document.");
        }
        return new Person
        {
            Surname = p.Surname.Trim(),
            GivenNames = (p.GivenNames ?? "").Trim(),
            BirthDate = born.ToString(),
            PlaceOfBirth = p.PlaceOfBirth?.Trim(),
            Sex = p.Sex,
            Nationality = p.Nationality,
            Email = p.Email?.Trim(),
            Phone = p.Phone?.Trim(),
            Address = p.Address?.Trim(),
        };
    }
}
