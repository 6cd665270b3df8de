namespace Chancery.Core.Screening.Index;

// What one search did, for measurements.
internal sealed class SearchStatistics
{
    public int Neighbours { get; set; }

    public long PostingsRead { get; set; }

    public int Candidates { get; set; }

    public int Bounded { get; set; }

    public int Scored { get; set; }

    public long NeighbourTicks { get; set; }

    public long JoinTicks { get; set; }

    public long BoundTicks { get; set; }
}
