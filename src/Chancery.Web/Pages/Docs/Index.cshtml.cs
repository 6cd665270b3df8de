using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Chancery.Web.Pages.Docs;

/// <summary>
/// The readable API reference, built from the same endpoint metadata as the OpenAPI document,
/// so the two cannot drift apart. It works without scripts.
/// </summary>
public sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Operation(string Method, string Path, string Summary, string? Description, IReadOnlyList<int> Problems);

    public sealed record Group(string Name, IReadOnlyList<Operation> Operations);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public void OnGet()
    {
        var operations =
            from e in endpoints.Endpoints.OfType<RouteEndpoint>()
            let path = "/" + e.RoutePattern.RawText?.TrimStart('/')
            where path.StartsWith("/api/", StringComparison.Ordinal)
            let methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
            from method in methods
            select new
            {
                Tag = e.Metadata.GetMetadata<ITagsMetadata>()?.Tags is [var first, ..] ? first : "API",
                Op = new Operation(
                    method,
                    path,
                    e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
                    e.Metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description,
                    e.Metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode >= 400).Select(p => p.StatusCode).Distinct().Order().ToList()),
            };
        Groups = operations
            .GroupBy(o => o.Tag)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, g.Select(x => x.Op).OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
