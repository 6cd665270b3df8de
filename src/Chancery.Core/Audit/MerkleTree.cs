using System.Security.Cryptography;

namespace Chancery.Core.Audit;

/// <summary>
/// The Merkle tree hash of RFC 6962 §2.1 over SHA-256: a leaf is hashed as SHA-256(0x00 ‖ data), an
/// interior node as SHA-256(0x01 ‖ left ‖ right), and a tree of n &gt; 1 leaves splits after the largest
/// power of two smaller than n. The prefixes keep a leaf from passing for a node (second pre-images).
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>MTH of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        buffer[0] = 0x00;
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH over leaf hashes already computed, by the RFC's recursive definition.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? EmptyRoot() : Subtree(leafHashes, 0, leafHashes.Count);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static long SplitPoint(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var k = 1L;
        while (k << 1 < n)
            k <<= 1;
        return k;
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
            return leaves[start];
        var k = (int)SplitPoint(count);
        return NodeHash(Subtree(leaves, start, k), Subtree(leaves, start + k, count - k));
    }
}
