using System.Text.Json;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// What a drawn ballot publishes (<c>tirage.json</c>): enough to recompute the draw and nothing about anyone.
/// Registration ids are random and known only to the person who registered (and the consulate).
/// </summary>
/// <param name="BallotId">The ballot.</param>
/// <param name="Algorithm">Always <see cref="BallotDraw.Algorithm"/>: a later algorithm would get another name.</param>
/// <param name="Commitment">Hex SHA-256 of the seed, published when the ballot was announced.</param>
/// <param name="Seed">The hex seed, secret until the draw.</param>
/// <param name="DrawnAt">When the draw was made (UTC).</param>
/// <param name="Slots">How many slots were drawn: the first this many in <paramref name="Order"/> were offered one.</param>
/// <param name="RegistrationIds">Every registration, sorted ordinally.</param>
/// <param name="Order">The registration ids in draw order, rank 1 first.</param>
public sealed record BallotPublication(
    int BallotId, string Algorithm, string Commitment, string Seed, DateTime? DrawnAt, int Slots,
    IReadOnlyList<string> RegistrationIds, IReadOnlyList<string> Order)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The publication of a drawn ballot.</summary>
    public static BallotPublication Of(Ballot ballot, int slots, IEnumerable<string> registrationIds)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(registrationIds);
        var ids = registrationIds.Order(StringComparer.Ordinal).ToList();
        var order = BallotDraw.Order(Convert.FromHexString(ballot.Seed), ids);
        return new BallotPublication(ballot.Id, BallotDraw.Algorithm, ballot.Commitment, ballot.Seed, ballot.DrawnAt, slots, ids, order);
    }

    /// <summary>
    /// The publication of a ballot once drawn, null before (the seed is still secret). The slots drawn are those
    /// ever offered: the draw offers every slot it has a registrant for, and later offers pass the same slots on.
    /// </summary>
    public static async Task<BallotPublication?> LoadAsync(ChanceryDb db, int ballotId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == ballotId, ct);
        if (ballot is null || ballot.State != BallotState.Drawn)
            return null;
        var entries = await db.BallotEntries.AsNoTracking().Where(e => e.BallotId == ballotId)
            .Select(e => new { e.RegistrationId, e.OfferedSlotId }).ToListAsync(ct);
        var slots = entries.Where(e => e.OfferedSlotId != null).Select(e => e.OfferedSlotId).Distinct().Count();
        return Of(ballot, slots, entries.Select(e => e.RegistrationId));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a publication; a malformed one is a validation error saying what is wrong.</summary>
    public static Result<BallotPublication> Parse(string json)
    {
        try
        {
            var publication = JsonSerializer.Deserialize<BallotPublication>(json, Json);
            if (publication is null)
                return Error.Validation("json", "The file holds no publication.");
            return publication;
        }
        catch (JsonException e)
        {
            return Error.Validation("json", "The file is not a ballot publication: " + e.Message);
        }
    }

    /// <summary>
    /// Checks the seed against the commitment and recomputes the order from the seed and the ids.
    /// Returns the number of registrations, or a conflict saying the first thing that does not hold.
    /// </summary>
    public Result<int> Verify()
    {
        if (!string.Equals(Algorithm, BallotDraw.Algorithm, StringComparison.Ordinal))
            return Error.Conflict("ballot.algorithm", $"the algorithm '{Algorithm}' is not {BallotDraw.Algorithm}");
        byte[] seed;
        try
        {
            seed = Convert.FromHexString(Seed);
        }
        catch (FormatException)
        {
            return Error.Conflict("ballot.seed", "the seed is not hexadecimal");
        }

        if (!string.Equals(BallotDraw.Commit(seed), Commitment, StringComparison.OrdinalIgnoreCase))
            return Error.Conflict("ballot.commitment", "SHA-256 of the seed is not the commitment");
        if (RegistrationIds.Distinct(StringComparer.Ordinal).Count() != RegistrationIds.Count)
            return Error.Conflict("ballot.duplicate", "a registration id is listed twice");
        var expected = BallotDraw.Order(seed, RegistrationIds);
        if (!expected.SequenceEqual(Order, StringComparer.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Min(expected.Count, Order.Count)).FirstOrDefault(i => !string.Equals(expected[i], Order[i], StringComparison.Ordinal), Math.Min(expected.Count, Order.Count));
            return Error.Conflict("ballot.order", $"the published order differs from the recomputed one at rank {at + 1}");
        }

        return RegistrationIds.Count;
    }
}
