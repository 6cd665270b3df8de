using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Cases;

/// <summary>The cases of the posts an agent works for, filtered by post, state and age.</summary>
public sealed class ListCases(ChanceryDb db, TimeProvider clock)
{
    public sealed record Filter(string? PostCode = null, CaseState? State = null, int? OlderThanDays = null, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, string Reference, string PostCode, string Kind, CaseState State, string Surname, string GivenNames, DateTime EnteredAt);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total, int PageNumber, int PageSize);

    public async Task<Page> ExecuteAsync(Filter filter, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        if (!CasePermissions.CanRead(actor))
            return new Page([], 0, 1, filter.PageSize);

        var posts = actor.PostIds.ToList();
        var query = from c in db.Cases.AsNoTracking()
                    join p in db.Posts on c.PostId equals p.Id
                    where posts.Contains(c.PostId)
                    select new { c, p.Code };
        if (!string.IsNullOrEmpty(filter.PostCode))
            query = query.Where(x => x.Code == filter.PostCode);
        if (filter.State is { } state)
            query = query.Where(x => x.c.State == state);
        if (filter.OlderThanDays is { } requested)
        {
            var days = Math.Clamp(requested, 0, 36_500);
            var before = clock.GetUtcNow().UtcDateTime.AddDays(-days);
            query = query.Where(x => x.c.EnteredAt <= before);
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Clamp(filter.Page, 1, 1_000_000);
        var rows = await query.OrderByDescending(x => x.c.EnteredAt)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new { x.c.Id, x.c.Reference, x.Code, Kind = EF.Property<string>(x.c, "CaseType"), x.c.State, x.c.Applicant, x.c.EnteredAt })
            .ToListAsync(ct);
        // Names are sealed in the database: the applicant is read whole and opened here, not projected in SQL.
        return new Page([.. rows.Select(r => new Row(r.Id, r.Reference, r.Code, r.Kind, r.State, r.Applicant.Surname, r.Applicant.GivenNames, r.EnteredAt))], total, page, size);
    }
}
