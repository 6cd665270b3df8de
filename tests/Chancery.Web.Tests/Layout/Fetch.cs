using AngleSharp.Dom;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Layout;

internal static class Fetch
{
    // GET a page, with headers set by the test (cookies, Accept-Language), and parse it.
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        return (response, await Html.ParseAsync(response));
    }
}
