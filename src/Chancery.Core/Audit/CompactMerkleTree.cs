namespace Chancery.Core.Audit;

/// <summary>
/// The same root as <see cref="MerkleTree.Root"/>, computed while leaves stream past: only the roots of
/// the perfect subtrees the tree decomposes into are kept (one per set bit of the size, at most 64), so
/// a million entries verify in constant memory.
/// </summary>
public sealed class CompactMerkleTree
{
    // peaks[i] is the root of a perfect subtree; sizes left to right are the set bits of Size, largest first.
    private readonly List<byte[]> peaks = [];

    public long Size { get; private set; }

    public void Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        var node = leafHash;
        // Each trailing 1 bit of the old size is a perfect subtree as large as the one being carried: merge.
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            node = MerkleTree.NodeHash(peaks[^1], node);
            peaks.RemoveAt(peaks.Count - 1);
        }

        peaks.Add(node);
        Size++;
    }

    /// <summary>
    /// MTH of the leaves so far. RFC 6962 splits at the largest power of two, so the tree is the
    /// leftmost peak joined with the tree of the rest: folding the peaks from the right gives the root.
    /// </summary>
    public byte[] Root()
    {
        if (peaks.Count == 0)
            return MerkleTree.EmptyRoot();
        var root = peaks[^1];
        for (var i = peaks.Count - 2; i >= 0; i--)
            root = MerkleTree.NodeHash(peaks[i], root);
        return root;
    }
}
