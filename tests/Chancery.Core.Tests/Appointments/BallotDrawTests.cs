using System.Security.Cryptography;
using Chancery.Core.Appointments;
using Xunit.Abstractions;

namespace Chancery.Core.Tests.Appointments;

public sealed class BallotDrawTests(ITestOutputHelper output)
{
    private static readonly byte[] PinnedSeed = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private static readonly string[] PinnedIds =
    [
        "ba48873a45b71002", "f4bfe7fba34b7bcf", "b0b5ce1a02ba8604", "5dc7636cf8ea3f77", "ee42548c40c64a58",
        "db3c1ff5c34a68a3", "d17b73c5b91fd71d", "30b1bb739c0adf43", "9bea5b9954415005", "f0f17b312e495b8d",
    ];

    [Fact]
    public void Commit_IsTheHexSha256OfTheSeed()
    {
        Assert.Equal("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", BallotDraw.Commit(PinnedSeed));
    }

    // Computed once (and by the Python reimplementation in docs/appointments-ballots.md) and pinned here:
    // any change to the algorithm changes this order, and published draws would no longer verify.
    [Fact]
    public void Order_PinnedSeedAndIds_GivesThePublishedOrder()
    {
        Assert.Equal(
            ["9bea5b9954415005", "f0f17b312e495b8d", "30b1bb739c0adf43", "db3c1ff5c34a68a3", "ba48873a45b71002",
             "5dc7636cf8ea3f77", "ee42548c40c64a58", "f4bfe7fba34b7bcf", "d17b73c5b91fd71d", "b0b5ce1a02ba8604"],
            BallotDraw.Order(PinnedSeed, PinnedIds));
    }

    [Fact]
    public void Order_SameSeedAndSetInAnyOrder_GivesTheSameResult()
    {
        var seed = BallotDraw.NewSeed();
        var ids = Enumerable.Range(0, 50).Select(_ => RandomNumberGenerator.GetHexString(16, lowercase: true)).ToArray();
        var expected = BallotDraw.Order(seed, ids);

        for (var round = 0; round < 20; round++)
        {
            var shuffled = ids.ToArray();
            RandomNumberGenerator.Shuffle(shuffled.AsSpan());
            Assert.Equal(expected, BallotDraw.Order(seed, shuffled));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Order_AnotherSeed_GivesAnotherOrder()
    {
        Assert.NotEqual(BallotDraw.Order(PinnedSeed, PinnedIds), BallotDraw.Order(BallotDraw.NewSeed(), PinnedIds));
    }

    [Fact]
    public void Order_EmptyOrSingle_IsThatList()
    {
        Assert.Empty(BallotDraw.Order(PinnedSeed, []));
        Assert.Equal(["only"], BallotDraw.Order(PinnedSeed, ["only"]));
    }

    [Fact]
    public void Order_AnIdTwice_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => BallotDraw.Order(PinnedSeed, ["a", "b", "a"]));
    }

    /// <summary>
    /// 10,000 draws with fresh random seeds, 20 registrants for 5 slots. Registrant p registered p-th, and their
    /// id sorts p-th too (the worst case: the shuffle starts from the order of registration). The number of wins per registration position is
    /// tested against uniform with Pearson's chi-square, p-value computed (19 degrees of freedom) and required
    /// above 0.01. Each draw picks 5 distinct winners, so the counts are not multinomial: their covariance is
    /// N p (1 − p) n/(n − 1) (I − J/n), and the statistic is divided by (1 − p) n/(n − 1) = 0.789... to follow
    /// chi-square(19). Then, for each position, the 20 ranks it got are tested against uniform (multinomial,
    /// 19 degrees of freedom), 20 tests at 0.01/20 each (Bonferroni), so that the family errs at most 1% of runs.
    /// </summary>
    [Fact]
    public void Order_10000Draws_ChanceDoesNotDependOnWhenOneRegistered()
    {
        const int draws = 10_000, registrants = 20, slots = 5;
        var wins = new long[registrants];
        var ranks = new long[registrants, registrants];
        // Ids that sort in the order of registration: any bias of the shuffle towards a sorted position shows.
        var ids = Enumerable.Range(0, registrants).Select(i => $"reg-{i:D2}").ToArray();
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        // Fixed seeds (SHA-256 of the draw's number), not fresh random ones: a test at p > 0.01 over random seeds
        // fails one run in a hundred by construction. The seeds are as unrelated to the ids as a fresh draw's are.
        for (var d = 0; d < draws; d++)
        {
            var order = BallotDraw.Order(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes($"ballot-order-test-{d}")), ids);
            for (var rank = 0; rank < order.Count; rank++)
            {
                var p = position[order[rank]];
                ranks[p, rank]++;
                if (rank < slots)
                    wins[p]++;
            }
        }

        var share = (double)slots / registrants;
        var expectedWins = draws * share;
        var pearson = wins.Sum(o => (o - expectedWins) * (o - expectedWins) / expectedWins);
        var statistic = pearson / ((1 - share) * registrants / (registrants - 1));
        var pWins = ChiSquare.UpperTail(statistic, registrants - 1);
        output.WriteLine($"wins per position: {string.Join(' ', wins)}; chi-square {statistic:F2} (df {registrants - 1}), p = {pWins:F4}");
        Assert.True(pWins > 0.01, $"Wins depend on the position of registration: p = {pWins}");

        var expectedRank = (double)draws / registrants;
        var worst = 1.0;
        for (var p = 0; p < registrants; p++)
        {
            var x = Enumerable.Range(0, registrants).Sum(r => (ranks[p, r] - expectedRank) * (ranks[p, r] - expectedRank) / expectedRank);
            worst = Math.Min(worst, ChiSquare.UpperTail(x, registrants - 1));
        }

        output.WriteLine($"smallest p-value of the ranks of one position: {worst:F4}");
        Assert.True(worst > 0.01 / registrants, $"The ranks of a position are not uniform: p = {worst}");
    }

    [Theory]
    [InlineData(30.144, 19, 0.05)]
    [InlineData(36.191, 19, 0.01)]
    [InlineData(43.820, 19, 0.001)]
    [InlineData(3.841, 1, 0.05)]
    [InlineData(18.307, 10, 0.05)]
    public void ChiSquareUpperTail_MatchesTheTables(double x, int df, double p)
    {
        Assert.Equal(p, ChiSquare.UpperTail(x, df), 3);
    }

    /// <summary>The chi-square survival function, Q(df/2, x/2): series below a + 1, Lentz's continued fraction above.</summary>
    private static class ChiSquare
    {
        public static double UpperTail(double x, int df)
        {
            double a = df / 2.0, z = x / 2.0;
            if (z <= 0)
                return 1;
            var logPrefix = (a * Math.Log(z)) - z - LogGamma(a);
            if (z < a + 1)
            {
                double term = 1 / a, sum = term;
                for (var n = 1; n < 1000 && Math.Abs(term) > Math.Abs(sum) * 1e-15; n++)
                {
                    term *= z / (a + n);
                    sum += term;
                }

                return 1 - (sum * Math.Exp(logPrefix));
            }

            const double tiny = 1e-300;
            double b = z + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
            for (var i = 1; i < 1000; i++)
            {
                var an = -i * (i - a);
                b += 2;
                d = (an * d) + b;
                d = Math.Abs(d) < tiny ? tiny : d;
                c = b + (an / c);
                c = Math.Abs(c) < tiny ? tiny : c;
                d = 1 / d;
                var delta = d * c;
                h *= delta;
                if (Math.Abs(delta - 1) < 1e-15)
                    break;
            }

            return Math.Exp(logPrefix) * h;
        }

        // Lanczos approximation (g = 7, 9 coefficients): 15 significant digits for a > 0.
        private static double LogGamma(double a)
        {
            double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
                12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
            a -= 1;
            var sum = g[0];
            for (var i = 1; i < g.Length; i++)
                sum += g[i] / (a + i);
            var t = a + 7.5;
            return (0.5 * Math.Log(2 * Math.PI)) + ((a + 0.5) * Math.Log(t)) - t + Math.Log(sum);
        }
    }
}
