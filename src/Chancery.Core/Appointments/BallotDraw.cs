using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Chancery.Core.Appointments;

/// <summary>
/// The draw of a ballot, pure and reproducible, so that anyone holding the published seed and registration ids
/// can recompute it (docs/appointments-ballots.md states the algorithm for reimplementation):
/// <list type="number">
/// <item>the commitment is the lowercase hex SHA-256 of the seed bytes;</item>
/// <item>the registration ids are sorted ordinally (by UTF-16 code unit), so the order of registration has no effect;</item>
/// <item>a byte stream is made of the blocks HMAC-SHA256(key = seed, message = counter as 8 bytes big-endian), counter 0, 1, 2...;</item>
/// <item>a number below <c>m</c> is the next 4 bytes read as a big-endian uint32 <c>x</c>, drawn again while
/// <c>x ≥ 2³² − (2³² mod m)</c>, then <c>x mod m</c> (no modulo bias);</item>
/// <item>Fisher–Yates: for <c>i</c> from <c>n − 1</c> down to 1, swap positions <c>i</c> and <c>j</c> = a number below <c>i + 1</c>.</item>
/// </list>
/// The list that results is the draw order: its first element has rank 1.
/// </summary>
public static class BallotDraw
{
    public const string Algorithm = "chancery-ballot-v1";

    public const int SeedLength = 32;

    /// <summary>Lowercase hex SHA-256 of the seed: published before anyone registers.</summary>
    public static string Commit(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Convert.ToHexStringLower(SHA256.HashData(seed));
    }

    /// <summary>A new secret seed.</summary>
    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    /// <summary>The registration ids in draw order (rank 1 first).</summary>
    /// <exception cref="ArgumentException">An id is given twice: each registration is drawn once.</exception>
    public static IReadOnlyList<string> Order(byte[] seed, IEnumerable<string> registrationIds)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(registrationIds);
        var ids = registrationIds.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        for (var i = 1; i < ids.Length; i++)
        {
            if (string.Equals(ids[i - 1], ids[i], StringComparison.Ordinal))
                throw new ArgumentException($"The registration id '{ids[i]}' is given twice.", nameof(registrationIds));
        }

        var stream = new ByteStream(seed);
        for (var i = ids.Length - 1; i > 0; i--)
        {
            var j = stream.Below((uint)(i + 1));
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        return ids;
    }

    /// <summary>The deterministic byte stream HMAC-SHA256(seed, counter) and uniform numbers read from it.</summary>
    private sealed class ByteStream(byte[] seed)
    {
        private readonly byte[] block = new byte[32];
        private readonly byte[] counterBytes = new byte[8];
        private ulong counter;
        private int used = 32;

        public int Below(uint bound)
        {
            // The largest multiple of bound that fits in 2^32: values at or above it would favour small results.
            var limit = (1UL << 32) - ((1UL << 32) % bound);
            while (true)
            {
                var x = NextUInt32();
                if (x < limit)
                    return (int)(x % bound);
            }
        }

        private uint NextUInt32()
        {
            if (used == block.Length)
            {
                BinaryPrimitives.WriteUInt64BigEndian(counterBytes, counter++);
                HMACSHA256.HashData(seed, counterBytes, block);
                used = 0;
            }

            var value = BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(used, 4));
            used += 4;
            return value;
        }
    }
}
