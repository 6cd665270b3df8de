namespace Chancery.Core.Data;

/// <summary>
/// Which rows of post-bound personal data the database lets this unit of work see (PostgreSQL row-level
/// security; see docs/rls.md). It starts at nothing: a request or a job states its scope before its first
/// query. The scope reaches the database when a connection opens, so it is set while none is open.
/// </summary>
public sealed class DataScope
{
    /// <summary>The value of <c>chancery.scope</c> that opens every post: jobs, command-line verbs, applicants' own flows.</summary>
    public const string SystemValue = "system";

    private IReadOnlyList<int> postIds = [];

    public bool IsSystem { get; private set; }

    /// <summary>The posts whose rows are visible; empty with no scope set, and ignored when <see cref="IsSystem"/>.</summary>
    public IReadOnlyList<int> PostIds => postIds;

    /// <summary>Every post: for work that is not done on behalf of a staff member or an API client.</summary>
    public void UseSystem()
    {
        IsSystem = true;
        postIds = [];
    }

    /// <summary>Only these posts (none if empty): for a staff member's or an API client's request.</summary>
    public void UsePosts(IEnumerable<int> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        IsSystem = false;
        postIds = [.. posts.Distinct().Order()];
    }

    /// <summary>The value of <c>chancery.post_ids</c>: a comma-separated list, empty for none.</summary>
    public string PostIdsSetting => string.Join(',', postIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The value of <c>chancery.scope</c>.</summary>
    public string ScopeSetting => IsSystem ? SystemValue : "posts";
}
