namespace Chancery.Bench.Screening;

// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, seedable generator whose output is the
// same on every machine and runtime, so a seed names one watchlist and one query set.
// System.Random is banned in this repository, and its sequence is not a documented contract.
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, n).</summary>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)((Next() >> 11) % (ulong)n);
    }

    /// <summary>A uniform integer in [from, to].</summary>
    public int Between(int from, int to) => from + Below(to - from + 1);

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>A generator for a separate stream, so that adding draws to one stream leaves the other unchanged.</summary>
    public SplitMix64 Fork() => new(Next());
}
