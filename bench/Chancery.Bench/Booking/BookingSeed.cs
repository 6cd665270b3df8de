using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Bench.Booking;

/// <summary>One service of the benchmark's post with its released slots and its verified requests (id and link token).</summary>
internal sealed record BookingSeed(int ServiceId, IReadOnlyList<(Guid Id, string Token)> Requests)
{
    /// <summary>A post for the run, unique by its code.</summary>
    public static async Task<Post> CreatePostAsync(Func<ChanceryDb> newDb)
    {
        await using var db = newDb();
        var post = new Post { Code = "BENCH", Name = "Benchmark post", Country = "GBR", TimeZone = "Europe/London", Languages = "fr,en" };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    /// <summary>
    /// A service (one per kind and post) with <paramref name="slots"/> slots released at once (20 minutes apart, a week ahead) and
    /// <paramref name="requests"/> booking requests as the code page leaves them once the e-mailed code was
    /// typed: distinct identities that passed the challenge and the code, inserted in bulk.
    /// </summary>
    public static async Task<BookingSeed> CreateAsync(Func<ChanceryDb> newDb, Post post, ServiceKind kind, int slots, int requests, string documentPrefix, DateTime now)
    {
        int serviceId;
        await using (var db = newDb())
        {
            var service = new AppointmentService { PostId = post.Id, Kind = kind, RequiresApplication = false };
            db.AppointmentServices.Add(service);
            await db.SaveChangesAsync();
            serviceId = service.Id;
            var first = now.Date.AddDays(7).AddHours(9);
            db.Slots.AddRange(Enumerable.Range(0, slots).Select(i => new Slot
            {
                ServiceId = serviceId, PostId = post.Id, StartsAt = first.AddMinutes(20 * i), Counter = 1, State = SlotState.Released, ReleasedAt = now,
            }));
            await db.SaveChangesAsync();
        }

        const int Batch = 2_000;
        var made = new List<(Guid, string)>(requests);
        for (var start = 0; start < requests; start += Batch)
        {
            await using var db = newDb();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<BookingRequest>();
            for (var i = start; i < Math.Min(requests, start + Batch); i++)
            {
                var token = Secrets.NewToken();
                var request = new BookingRequest
                {
                    TokenHash = Secrets.Hash(token), Purpose = BookingPurpose.Book, PostId = post.Id, ServiceId = serviceId,
                    DocumentNumber = FormattableString.Invariant($"{documentPrefix}{i:D7}"), IssuingState = "GBR", Surname = "TESTER", BirthDate = new DateOnly(1985, 6, 15),
                    Email = FormattableString.Invariant($"person{i}@example.org"), Language = "fr", CodeHash = "", CodeExpiresAt = now.AddMinutes(10),
                    VerifiedAt = now, CreatedAt = now, ExpiresAt = now + BookingRequest.VerifiedLifetime,
                };
                batch.Add(request);
                made.Add((request.Id, token));
            }

            db.BookingRequests.AddRange(batch);
            await db.SaveChangesAsync();
        }

        return new BookingSeed(serviceId, made);
    }
}
