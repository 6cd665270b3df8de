namespace Chancery.Core.Posts;

/// <summary>An embassy or consulate.</summary>
public sealed class Post
{
    public int Id { get; private set; }

    /// <summary>Short code, e.g. <c>LON</c>.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code of the host country.</summary>
    public required string Country { get; set; }

    /// <summary>IANA time zone, e.g. <c>Europe/London</c>.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Languages served, BCP 47 tags, comma separated.</summary>
    public required string Languages { get; set; }
}
