using System.Globalization;
using Chancery.Core.Applications;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Starts a booking (or a ballot entry) once the proof-of-work is solved: checks the service, the identity
/// (taken from the submitted application where the service requires one), that the identity has no active
/// appointment for the service yet, and e-mails a one-time code. Returns the token of the request's link.
/// </summary>
public sealed class RequestBookingCode(ChanceryDb db, IMailSender mail, TimeProvider clock, BlindIndex index)
{
    public sealed record Issued(Guid RequestId, string Token, string IdentityKey);

    public async Task<Result<Issued>> ExecuteAsync(BookingCodeInput input, string? fromAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var service = await db.AppointmentServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.ServiceId && s.Active, ct);
        if (service is null)
            return Error.NotFound("The service");
        if (input.BallotId is { } ballotId)
        {
            var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == ballotId && b.ServiceId == service.Id, ct);
            if (ballot is null)
                return Error.NotFound("The ballot");
            if (now < ballot.OpensAt || now >= ballot.ClosesAt || ballot.State == BallotState.Drawn)
                return new Error(ErrorKind.Conflict, "ballot.closed", "Registration for this ballot is not open.");
        }
        else if (service.Release != ReleaseMode.Progressive)
        {
            return new Error(ErrorKind.Conflict, "appointment.ballot-only", "This service's slots are allocated by ballot: register for the ballot instead.");
        }

        var email = (input.Email ?? "").Trim();
        if (email.Length > 254 || !ValidateAnswers.IsEmail(email))
            return new Error(ErrorKind.Validation, "appointment.email-invalid", "Give a valid e-mail address.", "Email");

        var identity = await IdentityAsync(service, input, ct);
        if (!identity.IsSuccess)
            return identity.Error;
        var key = index.IdentityOf(identity.Value.Identity.Key);
        var stored = PersonalData.Stored(nameof(Booking.ActiveIdentityKey));
        var taken = input.BallotId is { } id
            ? await db.BallotEntries.AnyAsync(e => e.BallotId == id && EF.Property<string>(e, PersonalData.Stored(nameof(BallotEntry.IdentityKey))) == key, ct)
            : await db.Bookings.AnyAsync(b => b.ServiceId == service.Id && EF.Property<string>(b, stored) == key, ct);
        if (taken)
        {
            return new Error(ErrorKind.Conflict, input.BallotId is null ? "appointment.identity-booked" : "ballot.identity-registered",
                input.BallotId is null
                    ? "This travel document already has an appointment for this service. Cancel it first to choose another date."
                    : "This travel document is already registered for this ballot.",
                "DocumentNumber");
        }

        var token = Secrets.NewToken();
        var code = Secrets.NewCode();
        var language = input.Language == "en" ? "en" : "fr";
        var request = new BookingRequest
        {
            TokenHash = Secrets.Hash(token),
            Purpose = input.BallotId is null ? BookingPurpose.Book : BookingPurpose.Ballot,
            PostId = service.PostId,
            ServiceId = service.Id,
            BallotId = input.BallotId,
            DocumentNumber = identity.Value.Identity.DocumentNumber,
            IssuingState = identity.Value.Identity.IssuingState,
            Surname = identity.Value.Identity.Surname,
            BirthDate = identity.Value.Identity.BirthDate,
            Email = email,
            Language = language,
            ApplicationCaseId = identity.Value.CaseId,
            CodeHash = Secrets.Hash(code),
            CodeExpiresAt = now + BookingRequest.CodeLifetime,
            CreatedAt = now,
            ExpiresAt = now + BookingRequest.CodeLifetime,
            FromAddress = fromAddress,
        };
        db.BookingRequests.Add(request);
        await db.SaveChangesAsync(ct);

        try
        {
            await mail.SendAsync(BookingMails.Code(email, code, language), ct);
        }
        catch (MailNotSentException)
        {
            db.BookingRequests.Remove(request);
            await db.SaveChangesAsync(CancellationToken.None);
            return new Error(ErrorKind.Conflict, "mail.not-sent", "The code could not be sent to this address just now. Try again in a few minutes.", "Email");
        }

        return new Issued(request.Id, token, key);
    }

    private sealed record Bound(BoundIdentity Identity, Guid? CaseId);

    private async Task<Result<Bound>> IdentityAsync(AppointmentService service, BookingCodeInput input, CancellationToken ct)
    {
        if (!service.RequiresApplication)
        {
            var typed = BoundIdentity.Create(input.DocumentNumber, input.IssuingState, input.Surname, input.BirthDate);
            return typed is null
                ? new Error(ErrorKind.Validation, "appointment.identity-invalid", "Give the travel document number, its issuing state, the surname and the birth date.", "DocumentNumber")
                : new Bound(typed, null);
        }

        var number = (input.ApplicationNumber ?? "").Trim().ToUpperInvariant();
        var form = service.Kind switch
        {
            ServiceKind.ShortStayVisa => ApplicationForm.ShortStayVisa,
            ServiceKind.LongStayVisa => ApplicationForm.LongStayVisa,
            ServiceKind.Passport => ApplicationForm.Passport,
            _ => ApplicationForm.BirthReport,
        };
        var application = number.Length == 0
            ? null
            : await (from a in db.SubmittedApplications
                     join c in db.Cases on a.CaseId equals c.Id
                     where c.Reference == number && c.PostId == service.PostId && a.Form == form
                     select new { c.Id, c.State, c.Applicant, Visa = c as VisaCase }).SingleOrDefaultAsync(ct);
        // The same answer whether the number is unknown or the birth date wrong: the page is no oracle for application numbers.
        var notFound = new Error(ErrorKind.Validation, "appointment.application-mismatch", "No submitted application of this post matches this number and birth date.", "ApplicationNumber");
        if (application is null || input.BirthDate is null
            || application.Applicant.BirthDate != input.BirthDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            return notFound;
        if (application.State is CaseState.Refused or CaseState.Withdrawn or CaseState.Closed or CaseState.Invalidated)
            return new Error(ErrorKind.Conflict, "appointment.application-closed", "This application is closed: no appointment can be booked for it.", "ApplicationNumber");

        var identity = application.Visa is { } visa
            ? BoundIdentity.Create(visa.TravelDocumentNumber, visa.TravelDocumentState, application.Applicant.Surname, input.BirthDate)
            : BoundIdentity.Create(input.DocumentNumber, input.IssuingState, application.Applicant.Surname, input.BirthDate);
        return identity is null
            ? new Error(ErrorKind.Validation, "appointment.identity-invalid", "Give the travel document number and its issuing state.", "DocumentNumber")
            : new Bound(identity, application.Id);
    }
}
