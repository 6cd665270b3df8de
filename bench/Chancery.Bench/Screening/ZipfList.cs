namespace Chancery.Bench.Screening;

// Draws from a list ordered most frequent first with weight 1 / rank^exponent: name
// frequencies in a population fall off roughly this way, so the first few names of a list
// recur in a large share of draws.
internal sealed class ZipfList
{
    private readonly string[] items;
    private readonly double[] cumulative;

    public ZipfList(IReadOnlyList<string> items, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        this.items = [.. items];
        cumulative = new double[items.Count];
        var total = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            total += 1.0 / Math.Pow(i + 1, exponent);
            cumulative[i] = total;
        }

        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= total;
        }
    }

    public string Draw(SplitMix64 random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble());
        return items[Math.Min(at < 0 ? ~at : at, items.Length - 1)];
    }
}
