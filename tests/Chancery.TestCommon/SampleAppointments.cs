using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Posts;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.TestCommon;

/// <summary>Appointment services, released slots and verified booking requests made directly in a test's own post.</summary>
public static class SampleAppointments
{
    /// <summary>A progressive service of the post, configured by the test.</summary>
    public static Task<AppointmentService> CreateServiceAsync(this ChanceryApp app, Post post, ServiceKind kind = ServiceKind.Passport, Action<AppointmentService>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(post);
        return app.WithDbAsync(async db =>
        {
            var service = new AppointmentService { PostId = post.Id, Kind = kind, RequiresApplication = false };
            configure?.Invoke(service);
            db.AppointmentServices.Add(service);
            await db.SaveChangesAsync();
            return service;
        });
    }

    /// <summary><paramref name="count"/> released slots, 20 minutes apart from 09:00 UTC in <paramref name="daysAhead"/> days, one counter.</summary>
    public static Task<List<long>> AddReleasedSlotsAsync(this ChanceryApp app, AppointmentService service, int count, int daysAhead = 7, SlotState state = SlotState.Released)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(service);
        return app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var first = now.Date.AddDays(daysAhead).AddHours(9);
            var taken = db.Slots.Where(s => s.ServiceId == service.Id).Select(s => s.StartsAt).ToHashSet();
            var slots = new List<Slot>();
            for (var t = first; slots.Count < count; t = t.AddMinutes(20))
            {
                if (taken.Contains(t))
                    continue;
                slots.Add(new Slot { ServiceId = service.Id, PostId = service.PostId, StartsAt = t, Counter = 1, State = state, ReleasedAt = state == SlotState.Released ? now : null });
            }

            db.Slots.AddRange(slots);
            await db.SaveChangesAsync();
            return slots.Select(s => s.Id).ToList();
        });
    }

    /// <summary>A booking request as the code page leaves it once the e-mailed code was typed; returns its link token.</summary>
    public static Task<(Guid Id, string Token)> VerifiedRequestAsync(this ChanceryApp app, AppointmentService service, BoundIdentity identity, string email = "person@example.org")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(identity);
        return app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var token = Secrets.NewToken();
            var request = new BookingRequest
            {
                TokenHash = Secrets.Hash(token), Purpose = BookingPurpose.Book, PostId = service.PostId, ServiceId = service.Id,
                DocumentNumber = identity.DocumentNumber, IssuingState = identity.IssuingState, Surname = identity.Surname, BirthDate = identity.BirthDate,
                Email = email, Language = "fr", CodeHash = "", CodeExpiresAt = now.AddMinutes(10),
                VerifiedAt = now, CreatedAt = now, ExpiresAt = now + BookingRequest.VerifiedLifetime,
            };
            db.BookingRequests.Add(request);
            await db.SaveChangesAsync();
            return (request.Id, token);
        });
    }

    /// <summary>What a visa booking needs from a submitted application.</summary>
    public sealed record SubmittedVisa(Guid CaseId, string Number, string BirthDate, string DocumentNumber, string IssuingState);

    /// <summary>A short-stay visa application submitted online at the post, with its own travel document number.</summary>
    public static Task<SubmittedVisa> SubmitShortStayAsync(this ChanceryApp app, Post post)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(post);
        return app.WithServicesAsync(async sp =>
        {
            var answers = SampleApplications.ShortStayVisa(post.Code, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
            answers["documentNumber"] = "L" + System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789", 8);
            var submitted = await sp.GetRequiredService<SubmitApplication>().ExecuteAsync(
                ApplicationForms.ShortStayVisa, new ApplicationAnswers(answers), "fr", SubmitApplication.Applicant("192.0.2.1"), online: true, draftId: null, CancellationToken.None);
            var value = submitted.IsSuccess ? submitted.Value : throw new InvalidOperationException(submitted.Error.Message);
            return new SubmittedVisa(value.CaseId, value.ApplicationNumber, answers["birthDate"], answers["documentNumber"], answers["documentIssuingState"]);
        });
    }

    /// <summary>A distinct identity for each call.</summary>
    public static BoundIdentity NewIdentity(string state = "GBR")
    {
        var suffix = Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        return BoundIdentity.Create("P" + suffix, state, "Tester", new DateOnly(1985, 6, 15))!;
    }
}
