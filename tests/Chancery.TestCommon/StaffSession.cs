using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.TestCommon;

/// <summary>
/// An agent in a browser, without the browser: a client that keeps cookies and does not follow redirects,
/// signs in through <c>/staff/signin</c>, and submits forms the way a person would (GET the page, find the
/// form, keep its hidden fields and antiforgery token, fill in the fields given, POST to its action).
/// </summary>
public sealed class StaffSession : IDisposable
{
    private const string TokenField = "__RequestVerificationToken";

    private StaffSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    /// <summary>The last antiforgery token seen on a page, for posting where the page itself offers no form.</summary>
    public string? Token { get; private set; }

    /// <summary>A client with its own cookies and no session yet.</summary>
    public static StaffSession Anonymous(WebApplicationFactory<Program> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The back office answers only on the staff listener; public pages answer there too.
        return new StaffSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ChanceryApp.StaffAddress }));
    }

    /// <summary>
    /// Signs in through the sign-in page and its second step, with a code of the user's authenticator (see
    /// <see cref="ChanceryApp.CreateStaffAsync(IEnumerable{Chancery.Core.Staff.Role}, bool, Chancery.Core.Posts.Post[])"/>);
    /// fails unless both steps redirect (a successful sign-in).
    /// </summary>
    public static async Task<StaffSession> SignInAsync(WebApplicationFactory<Program> app, string userName, string password = ChanceryApp.StaffPassword)
    {
        ArgumentNullException.ThrowIfNull(app);
        var session = Anonymous(app);
        if (app is ChanceryApp chancery && chancery.Passkeys.TryGetValue(userName, out var passkey))
        {
            var answer = await session.PasskeySignInAsync(passkey);
            if (answer.StatusCode != HttpStatusCode.Redirect)
            {
                var refusal = await Html.ParseAsync(answer);
                session.Dispose();
                throw new InvalidOperationException($"Passkey sign-in of '{userName}' answered {(int)answer.StatusCode}: {string.Join(" | ", Html.ErrorMessages(refusal))} " + string.Join("\n", chancery.Logs.Lines.Where(l => l.Contains("asskey", StringComparison.Ordinal))));
            }

            return session;
        }

        var response = await session.SignInAttemptAsync(userName, password);
        if (response.StatusCode == HttpStatusCode.Redirect && IsSecondStep(response.Headers.Location))
            response = await session.SecondStepAsync(response.Headers.Location!.OriginalString, await ChanceryApp.AuthenticatorCodeAsync(app.Services, userName));
        if (response.StatusCode != HttpStatusCode.Redirect || IsSecondStep(response.Headers.Location))
        {
            var page = await Html.ParseAsync(response);
            session.Dispose();
            throw new InvalidOperationException(
                $"Sign-in of '{userName}' answered {(int)response.StatusCode}: {string.Join(" | ", Html.ErrorMessages(page))}");
        }

        return session;
    }

    /// <summary>Submits the sign-in form once and returns the answer as it is (a redirect when it worked).</summary>
    public async Task<HttpResponseMessage> SignInAttemptAsync(string userName, string password)
    {
        var response = await PostFormAsync("/staff/signin", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
        // Antiforgery tokens belong to a user: the one from the sign-in page is worthless once signed in.
        if (response.StatusCode == HttpStatusCode.Redirect)
            Token = null;
        return response;
    }

    /// <summary>
    /// Signs in with a passkey from the sign-in page, as wwwroot/js/passkey.js does: asks for the options, has the
    /// authenticator answer them (<paramref name="tamper"/>: with a signature one bit off) and posts the credential.
    /// </summary>
    public async Task<HttpResponseMessage> PasskeySignInAsync(SoftAuthenticator passkey, bool tamper = false)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        var options = await PasskeyOptionsAsync("/staff/signin", "PasskeyOptions");
        var response = await PostAsync("/staff/signin?handler=Passkey", [new("Credential", passkey.Get(options, Origin, tamper))]);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Token = null;
        return response;
    }

    /// <summary>POSTs to a page's options handler with the page's antiforgery token, as the script does, and returns the JSON.</summary>
    public async Task<string> PasskeyOptionsAsync(string page, string handler)
    {
        if (Token is null)
            await GetAsync(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler={handler}");
        request.Headers.Add("RequestVerificationToken", Token);
        using var response = await Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{page}?handler={handler} answered {(int)response.StatusCode}.");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The origin the browser would report: the staff listener's address.</summary>
    public string Origin => Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    /// <summary>Submits the second step (<c>/staff/signin/code</c>) with an authenticator or recovery code.</summary>
    public async Task<HttpResponseMessage> SecondStepAsync(string url, string code)
    {
        var response = await PostFormAsync(url, new Dictionary<string, string> { ["Input.Code"] = code });
        if (response.StatusCode == HttpStatusCode.Redirect)
            Token = null;
        return response;
    }

    private static bool IsSecondStep(Uri? location) =>
        location is not null && location.OriginalString.Contains("/staff/signin/code", StringComparison.OrdinalIgnoreCase);

    /// <summary>GETs a page (a path, or the absolute address a redirect gave) and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var page = await Html.ParseAsync(response);
        Remember(page);
        return (response, page);
    }

    /// <summary>
    /// GETs <paramref name="url"/>, finds the form (the first POST form other than the header's sign-out
    /// unless <paramref name="formSelector"/> says which), and submits it with <paramref name="fields"/>
    /// replacing or adding to what the form already holds.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (response, page) = await GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, so there is no form to fill in.");
        var form = Html.Form(page, formSelector ?? "form[method=post]:not(.chancery-signout)");
        var values = Html.DefaultValues(form).Where(v => !fields.ContainsKey(v.Key)).ToList();
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        return await PostAsync(string.IsNullOrEmpty(action) ? url : action, values, addToken: false);
    }

    /// <summary>
    /// POSTs fields straight to <paramref name="url"/> with a valid antiforgery token (taken from the last page
    /// seen, or from the case list), as a forged or stale form would: for steps the page does not offer.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool addToken = true)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = fields.ToList();
        if (addToken && !values.Any(v => v.Key == TokenField))
        {
            if (Token is null)
                await GetAsync("/staff/cases");
            values.Add(new(TokenField, Token ?? throw new InvalidOperationException("No page offered an antiforgery token.")));
        }

        using var content = new FormUrlEncodedContent(values);
        var response = await Client.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/staff/signin", StringComparison.OrdinalIgnoreCase) == true)
            Token = null;
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string url, IReadOnlyDictionary<string, string> fields) =>
        PostAsync(url, fields.AsEnumerable());

    public void Dispose() => Client.Dispose();

    private void Remember(IDocument page)
    {
        if (page.QuerySelector($"input[name={TokenField}]") is IHtmlInputElement token && token.Value.Length > 0)
            Token = token.Value;
    }
}
