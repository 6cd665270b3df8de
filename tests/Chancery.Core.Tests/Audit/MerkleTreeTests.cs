using Chancery.Core.Audit;

namespace Chancery.Core.Tests.Audit;

public sealed class MerkleTreeTests
{
    // The RFC 6962 test vectors of the certificate-transparency project, as kept by transparency-dev/merkle
    // in testonly/constants.go (LeafInputs, RootHashes, EmptyRootHash; the same values as kSHA256Roots in
    // the C++ merkle_tree_test.cc): roots of the trees over the first n of eight inputs, n = 0 … 8.
    private static readonly string[] Inputs =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static TheoryData<int> Sizes() => [0, 1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Root_OfTheFirstNTestInputs_IsThePublishedRoot(int n)
    {
        var leaves = Inputs.Take(n).Select(h => MerkleTree.LeafHash(Convert.FromHexString(h))).ToList();

        Assert.Equal(Roots[n], Convert.ToHexStringLower(MerkleTree.Root(leaves)));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void CompactTree_FedTheFirstNTestInputs_GivesThePublishedRoot(int n)
    {
        var tree = new CompactMerkleTree();
        foreach (var input in Inputs.Take(n))
            tree.Append(MerkleTree.LeafHash(Convert.FromHexString(input)));

        Assert.Equal(n, tree.Size);
        Assert.Equal(Roots[n], Convert.ToHexStringLower(tree.Root()));
    }

    [Fact]
    public void CompactTree_AtEverySizeUpTo300_AgreesWithTheRecursiveDefinition()
    {
        var leaves = new List<byte[]>();
        var tree = new CompactMerkleTree();
        for (var i = 0; i < 300; i++)
        {
            var leaf = MerkleTree.LeafHash(BitConverter.GetBytes(i));
            leaves.Add(leaf);
            tree.Append(leaf);
            Assert.Equal(Convert.ToHexStringLower(MerkleTree.Root(leaves)), Convert.ToHexStringLower(tree.Root()));
        }
    }

    [Fact]
    public void LeafAndNodeHashes_UseDifferentPrefixes()
    {
        var a = MerkleTree.LeafHash([1]);
        var b = MerkleTree.LeafHash([2]);

        // A node's bytes given as a leaf do not hash to the node: 0x00 and 0x01 keep them apart.
        Assert.NotEqual(MerkleTree.NodeHash(a, b), MerkleTree.LeafHash([.. a, .. b]));
        Assert.Equal(2, MerkleTree.SplitPoint(3));
        Assert.Equal(4, MerkleTree.SplitPoint(8));
        Assert.Equal(8, MerkleTree.SplitPoint(9));
    }
}
