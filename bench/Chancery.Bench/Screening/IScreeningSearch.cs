using Chancery.Core.Screening.Index;

namespace Chancery.Bench.Screening;

// The two searches the benchmark times. Only while ScreeningIndex is being written does a
// second implementation exist (StandInIndex): this seam goes when the index lands.
internal interface IScreeningSearch
{
    int Names { get; }

    IReadOnlyList<WatchlistHit> Search(ScreeningQuery query, double threshold, int maxHits);

    IReadOnlyList<WatchlistHit> SearchBruteForce(ScreeningQuery query, double threshold, int maxHits);
}

internal sealed class RealIndex(ScreeningIndex index) : IScreeningSearch
{
    public int Names => index.Names;

    public IReadOnlyList<WatchlistHit> Search(ScreeningQuery query, double threshold, int maxHits) => index.Search(query, threshold, maxHits);

    public IReadOnlyList<WatchlistHit> SearchBruteForce(ScreeningQuery query, double threshold, int maxHits) => index.SearchBruteForce(query, threshold, maxHits);
}
