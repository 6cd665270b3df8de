using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Chancery.Core.Cases;
using Chancery.Core.Documents;
using Chancery.Core.Documents.Mrz;
using Chancery.Core.Protection;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Api;

public abstract class CasesApiTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Journey_ClerkToPrintOperator_PrintsDocumentWithValidMrz()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();
        var entered = await j.GetCaseAsync(id);
        // Screened at entry against the lists (none of which names her) and the document register.
        Assert.Equal("ChecksCleared", entered["state"]!.GetValue<string>());
        Assert.Equal("Clear", entered["screenings"]![0]!["outcome"]!.GetValue<string>());

        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Adjudicator, id, "approve"), HttpStatusCode.OK);
        var printed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        Assert.Equal("Printed", printed["state"]!.GetValue<string>());
        var mrz = printed["document"]!["mrz"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        var reading = MrzParser.Parse(mrz);
        Assert.True(reading.Valid, string.Join("; ", reading.Problems));
        Assert.Equal(MrzFormat.MRVA, reading.Format);
        Assert.Equal("ERIKSSON", reading.Surname);
        Assert.Equal(printed["document"]!["documentNumber"]!.GetValue<string>(), reading.DocumentNumber);
        var history = printed["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["Submit", "StartChecks", "RecordChecks", "Approve", "Print"], history);
        Assert.All(printed["history"]!.AsArray(), h => Assert.False(string.IsNullOrEmpty(h!["actorName"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Journey_PassportThroughEveryStepToClosed_RecordsEachStep()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync(j.PassportBody());
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Clerk, id, "dispatch"), HttpStatusCode.OK);
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Clerk, id, "deliver"), HttpStatusCode.OK);
        var closed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Clerk, id, "close"), HttpStatusCode.OK);

        Assert.Equal("Closed", closed["state"]!.GetValue<string>());
        var mrz = closed["document"]!["mrz"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        var reading = MrzParser.Parse(mrz);
        Assert.Equal(MrzFormat.TD3, reading.Format);
        Assert.Equal("LEFEVRE", reading.Surname);
        Assert.Equal("EMILIE ANNE", reading.GivenNames);
        Assert.True(reading.Valid);
    }

    [Fact]
    public async Task Print_BeforeApproval_IsRefusedByTheGate()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();

        var response = await ApiJourney.ActAsync(j.Printer, id, "print");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Equal("case.illegal-transition", problem["code"]!.GetValue<string>());
        Assert.Equal(0, await DocumentsOfAsync(id));
    }

    [Fact]
    public async Task Print_WithScreeningOlderThanMaxAge_RunsTheChecksAgainFirst()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        App.Clock.Advance(TimeSpan.FromDays(31));

        var printed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        var history = printed["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["Submit", "StartChecks", "RecordChecks", "Approve", "RecordChecks", "Print"], history);
        Assert.Equal(2, printed["screenings"]!.AsArray().Count);
    }

    [Fact]
    public async Task Print_AfterAListChangedWithoutTheApplicant_RunsTheChecksAgainAndPrints()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var list = await App.ListAsync(new ListedPerson("Karlsson", "Bertil", "1950"));

        var printed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        Assert.Equal("Printed", printed["state"]!.GetValue<string>());
        var rerun = printed["screenings"]!.AsArray()[^1]!;
        Assert.Equal("Clear", rerun["outcome"]!.GetValue<string>());
        Assert.Contains(list, rerun["listVersions"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_AfterTheApplicantWasListed_IsRefusedAndTheCaseGoesToHit()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync(j.VisaBody("Lindqvist"));
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await App.ListAsync(new ListedPerson("LINDKVIST", "Ana Maria", "1974", "SWE"));

        var refused = await ApiJourney.ActAsync(j.Printer, id, "print");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("screening.hit", (await ApiJourney.ProblemAsync(refused))["code"]!.GetValue<string>());
        var after = await j.GetCaseAsync(id);
        Assert.Equal("Hit", after["state"]!.GetValue<string>());
        Assert.Null(after["document"]);
        var match = after["screenings"]!.AsArray()[^1]!["matches"]![0]!;
        Assert.Equal("LINDKVIST, Ana Maria", match["matchedName"]!.GetValue<string>());
        Assert.Contains("Lindqvist", match["screened"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await DocumentsOfAsync(id));
    }

    [Fact]
    public async Task Rescreening_WithHitAfterApproval_VoidsApproval()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync(j.VisaBody("Strandberg"));
        await App.ListAsync(new ListedPerson("Strandberg", "Anna Maria", "1974-08-12", "SWE"));
        var hit = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "record-checks"), HttpStatusCode.OK);

        Assert.Equal("Hit", hit["state"]!.GetValue<string>());
        Assert.Null(hit["approvedBy"]);
        Assert.Equal(HttpStatusCode.Conflict, (await ApiJourney.ActAsync(j.Printer, id, "print")).StatusCode);
    }

    [Fact]
    public async Task Approve_ByTheClerkWhoEnteredTheCase_IsRefused()
    {
        var j = await ApiJourney.StartAsync(App);
        var both = await App.ApiClientAsync([Role.Clerk, Role.Adjudicator], j.Post);
        var id = await j.EnterAsync(client: both);

        var response = await ApiJourney.ActAsync(both, id, "approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duty.entered-by", (await ApiJourney.ProblemAsync(response))["code"]!.GetValue<string>());
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Adjudicator, id, "approve"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Approve_ByTheOfficerWhoClearedTheHit_IsRefused()
    {
        var j = await ApiJourney.StartAsync(App);
        var both = await App.ApiClientAsync([Role.SecurityOfficer, Role.Adjudicator], j.Post);
        await App.ListAsync(new ListedPerson("Halvorson", "Anna Maria"));
        var id = await j.EnterAsync(j.VisaBody("Halvorsen"));
        Assert.Equal("Hit", (await j.GetCaseAsync(id))["state"]!.GetValue<string>());
        await ApiJourney.Expect(await ApiJourney.ActAsync(both, id, "resolve-hit", "Different birth date and nationality", passed: true), HttpStatusCode.OK);

        var response = await ApiJourney.ActAsync(both, id, "approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duty.resolved-hit", (await ApiJourney.ProblemAsync(response))["code"]!.GetValue<string>());
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Adjudicator, id, "approve"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResolveHit_Confirmed_RefusesTheCaseWithJustification()
    {
        var j = await ApiJourney.StartAsync(App);
        await App.ListAsync(new ListedPerson("SUNDQVIST", "Anna Maria", "1974-08-12", "SWE"));
        var id = await j.EnterAsync(j.VisaBody("Sundqvist"));

        var missingReason = await ApiJourney.ActAsync(j.Security, id, "resolve-hit", passed: false);
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        var refused = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "resolve-hit", "Same person: passport number matches", passed: false), HttpStatusCode.OK);

        Assert.Equal("Refused", refused["state"]!.GetValue<string>());
        Assert.Equal("Confirmed", refused["screenings"]![0]!["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecordChecks_WithAnOutcomeGiven_Is400_TheResultIsTheScreenings()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();

        var response = await ApiJourney.ActAsync(j.Security, id, "record-checks", "No match", passed: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await ApiJourney.ProblemAsync(response))["errors"]!.AsObject(), e => e.Key == "passed");
        var rerun = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "record-checks"), HttpStatusCode.OK);
        Assert.Equal(2, rerun["screenings"]!.AsArray().Count);
    }

    [Fact]
    public async Task Rescreening_AfterAHitWasClearedAsFalsePositive_DoesNotRaiseTheSameMatchAgain()
    {
        var j = await ApiJourney.StartAsync(App);
        await App.ListAsync(new ListedPerson("Wennerholm", "Anna Maria"));
        var id = await j.EnterAsync(j.VisaBody("Wennerholm"));
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "resolve-hit", "Listed person born 1950 in Oslo; applicant's passport checked", passed: true), HttpStatusCode.OK);

        var again = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "record-checks"), HttpStatusCode.OK);
        Assert.Equal("HitResolved", again["state"]!.GetValue<string>());
        Assert.Contains("cleared earlier", again["screenings"]!.AsArray()[^1]!["notes"]!.GetValue<string>(), StringComparison.Ordinal);

        // Another list naming her is a new match.
        await App.ListAsync(new ListedPerson("WENNERHOLM", "Anna-Maria", "1974", "SWE"));
        var hit = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "record-checks"), HttpStatusCode.OK);
        Assert.Equal("Hit", hit["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_WithoutTheRole_IsForbidden()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();

        var response = await ApiJourney.ActAsync(j.Clerk, id, "record-checks");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("dispatch")]
    [InlineData("print")]
    [InlineData("deliver")]
    [InlineData("close")]
    [InlineData("resolve-hit")]
    public async Task IllegalStep_OnCaseWithClearChecks_Is409ProblemDetails(string action)
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();
        var client = action switch
        {
            "approve" => j.Adjudicator,
            "print" => j.Printer,
            "resolve-hit" => j.Security,
            _ => j.Clerk,
        };

        var response = await ApiJourney.ActAsync(client, id, action, "because");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Equal(409, problem["status"]!.GetValue<int>());
        Assert.Contains("ChecksCleared", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprint_VoidsThePreviousDocumentAndUsesANewNumber()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        var first = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);
        var reprinted = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "reprint", "Printer jam smudged the data page"), HttpStatusCode.OK);

        var firstNumber = first["document"]!["documentNumber"]!.GetValue<string>();
        Assert.NotEqual(firstNumber, reprinted["document"]!["documentNumber"]!.GetValue<string>());
        Assert.Equal(firstNumber, reprinted["voidedDocuments"]![0]!["documentNumber"]!.GetValue<string>());
        Assert.Equal(2, await DocumentsOfAsync(id));
    }

    [Fact]
    public async Task AgentOfAnotherPost_GetsNotFound_OnEveryCaseEndpoint()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        var otherPost = await App.CreatePostAsync();
        var outsider = await App.ApiClientAsync(Enum.GetValues<Role>(), otherPost);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        foreach (var action in CaseActionNamesForTest)
            Assert.Equal(HttpStatusCode.NotFound, (await ApiJourney.ActAsync(outsider, id, action, "x", passed: action == "resolve-hit" ? true : null)).StatusCode);
        var list = await ApiJourney.Expect(await outsider.GetAsync($"/api/v1/cases?post={j.Post.Code}"), HttpStatusCode.OK);
        Assert.Empty(list["rows"]!.AsArray());
        Assert.Equal("Approved", (await j.GetCaseAsync(id))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task EnterCase_ForAPostTheClientDoesNotServe_IsRefused()
    {
        var j = await ApiJourney.StartAsync(App);
        var otherPost = await App.CreatePostAsync();
        var body = j.VisaBody();
        body["postCode"] = otherPost.Code;

        var response = await j.Clerk.PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutKey_Is401_AndWithUnknownKey_Is401()
    {
        var anonymous = App.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cases")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "chk_deadbeef_notakey");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task Intake_SameIdempotencyKeySentTwiceConcurrently_CreatesOneCase()
    {
        var j = await ApiJourney.StartAsync(App);
        var key = "intake-" + Guid.NewGuid().ToString("N");
        var body = j.VisaBody(surname: "Concurrent").ToJsonString();

        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return await j.Clerk.SendAsync(request);
        }

        var responses = await Task.WhenAll(Send(), Send(), Send());
        var retry = await Send();

        Assert.All(responses.Append(retry), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<Guid>();
        foreach (var r in responses.Append(retry))
            ids.Add((await ApiJourney.Expect(r, HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        Assert.Single(ids.Distinct());
        var count = await App.WithDbAsync(db => db.Cases.CountAsync(c => c.PostId == j.Post.Id));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Intake_SameKeyWithADifferentBody_IsRefused()
    {
        var j = await ApiJourney.StartAsync(App);
        var key = "intake-" + Guid.NewGuid().ToString("N");
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(j.VisaBody("First")) };
        first.Headers.Add("Idempotency-Key", key);
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(j.VisaBody("Second")) };
        second.Headers.Add("Idempotency-Key", key);

        Assert.Equal(HttpStatusCode.Created, (await j.Clerk.SendAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await j.Clerk.SendAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Intake_MalformedJson_Is400ProblemDetails()
    {
        var j = await ApiJourney.StartAsync(App);

        var response = await j.Clerk.PostAsync("/api/v1/cases", new StringContent("{\"postCode\": \"X\", \"kind\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("kind", "\"Spaceship\"", "kind")]
    [InlineData("applicant.sex", "\"Q\"", "Applicant.Sex")]
    [InlineData("visa.category", "\"Z\"", "visa.category")]
    [InlineData("visa.requestedFrom", "\"2027-02-30\"", "visa.requestedFrom")]
    [InlineData("visa.requestedUntil", "\"2026-01-01\"", "visa.requestedUntil")]
    [InlineData("applicant.birthDate", "\"1990-02-30\"", "applicant.birthDate")]
    [InlineData("applicant.birthDate", "\"2031-01-01\"", "applicant.birthDate")]
    [InlineData("applicant.surname", "\"LONGNAME\"", "Applicant.Surname")]
    [InlineData("applicant.nationality", "\"QQQ\"", "applicant.nationality")]
    public async Task Intake_BadField_Is400NamingTheField(string path, string json, string expectedField)
    {
        var j = await ApiJourney.StartAsync(App);
        var body = j.VisaBody();
        var parts = path.Split('.');
        var target = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        var value = json == "\"LONGNAME\"" ? JsonValue.Create(new string('A', 300)) : JsonNode.Parse(json);
        target[parts[^1]] = value;

        var response = await j.Clerk.PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains(fields, f => string.Equals(f, expectedField, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task UnknownAction_Is400()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();

        var response = await ApiJourney.ActAsync(j.Clerk, id, "teleport");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RawSql_PrintRecordForUnapprovedCase_IsRefusedByTheDatabase()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.EnterAsync();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => InsertPrintRecordAsync(id, App.Clock.GetUtcNow().UtcDateTime));

        Assert.Contains("issuance gate", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await DocumentsOfAsync(id));
    }

    [Fact]
    public async Task RawSql_PrintRecordWithStaleScreening_IsRefusedByTheDatabase()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => InsertPrintRecordAsync(id, App.Clock.GetUtcNow().UtcDateTime.AddDays(31)));

        Assert.Contains("stale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawSql_PrintRecordAfterWatchlistChange_IsRefusedByTheDatabase()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        await App.WithDbAsync(async db =>
        {
            db.Watchlists.Add(new Watchlist { Name = "raw-" + Guid.NewGuid().ToString("N")[..8], ChangedAt = App.Clock.GetUtcNow().UtcDateTime.AddSeconds(1) });
            return await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAnyAsync<DbException>(() => InsertPrintRecordAsync(id, App.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)));
        // The fake clock stands still between tests: move past the change so later screenings postdate it.
        App.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Contains("watchlist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawSql_PrintRecordForApprovedCaseWithFreshChecks_IsAccepted()
    {
        // The control for the refusals above: the same statement passes when the gate is open.
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();

        await InsertPrintRecordAsync(id, App.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));

        Assert.Equal(1, await DocumentsOfAsync(id));
    }

    [Fact]
    public async Task RawSql_RewritingAPrintRecord_IsRefusedByTheDatabase()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        // Another number: its keyed hash changes, which the trigger refuses.
        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"IssuedDocuments\" SET \"NumberKey\" = 'ffffffffffffffffffffffff' WHERE \"CaseId\" = {id}")));

        // The zone erased: refused too (it is sealed, so only its presence can be compared).
        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"IssuedDocuments\" SET \"Mrz\" = NULL WHERE \"CaseId\" = {id}")));

        // The sealed number overwritten (it changes when keys rotate, so the trigger lets it through): it no longer opens.
        await App.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"IssuedDocuments\" SET \"DocumentNumber\" = 'ZZ0000001' WHERE \"CaseId\" = {id}"));
        var failure = await Assert.ThrowsAsync<SealedValueException>(() => App.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == id)));
        Assert.Contains("IssuedDocument.DocumentNumber", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprint_AfterChecksWentStale_RunsTheChecksAgainFirst()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);
        App.Clock.Advance(TimeSpan.FromDays(40));

        var reprinted = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "reprint", "Damaged"), HttpStatusCode.OK);

        Assert.Equal("Printed", reprinted["state"]!.GetValue<string>());
        Assert.Single(reprinted["voidedDocuments"]!.AsArray());
    }

    [Fact]
    public async Task Rescreening_WithHitAfterPrint_VoidsTheDocumentBeforeIssue()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync(j.VisaBody("Bergqvist"));
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        await App.ListAsync(new ListedPerson("Bergqvist", "Anna-Maria", "1974-08", "SWE"));
        var hit = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "record-checks"), HttpStatusCode.OK);

        Assert.Equal("Hit", hit["state"]!.GetValue<string>());
        Assert.Null(hit["document"]);
        Assert.Single(hit["voidedDocuments"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await ApiJourney.ActAsync(j.Clerk, id, "issue-in-person")).StatusCode);
    }

    [Fact]
    public async Task Intake_NullWhereTheContractHasNone_Is400NamingTheField()
    {
        var j = await ApiJourney.StartAsync(App);
        var body = j.VisaBody();
        body["applicant"]!["givenNames"] = null;

        var response = await j.Clerk.PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains("givenNames", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Intake_BirthReportWithANullParent_Is400()
    {
        var j = await ApiJourney.StartAsync(App);
        var body = j.PassportBody();
        body["kind"] = "BirthReport";
        body["parents"] = new JsonArray((JsonNode?)null);

        var response = await j.Clerk.PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Intake_SurnameWithNoLatinLetter_Is400AskingForTheTransliteration()
    {
        var j = await ApiJourney.StartAsync(App);

        var response = await j.Clerk.PostAsJsonAsync("/api/v1/cases", j.VisaBody(surname: "Παπαδόπουλος"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("applicant.surname"));
    }

    [Theory]
    [InlineData("olderThanDays=2147483647")]
    [InlineData("page=2147483647")]
    [InlineData("olderThanDays=-5&page=-3")]
    public async Task ListCases_ExtremeQueryValues_AnswerAnEmptyPage(string query)
    {
        var j = await ApiJourney.StartAsync(App);

        var response = await j.Clerk.GetAsync("/api/v1/cases?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_UnknownRoute_AnswersProblemDetailsNotAPage()
    {
        var j = await ApiJourney.StartAsync(App);

        var response = await j.Clerk.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RawSql_BackdatedPrintRecord_IsRefusedByTheDatabase()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => InsertPrintRecordAsync(id, App.Clock.GetUtcNow().UtcDateTime.AddHours(-2)));

        Assert.Contains("issuance gate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawSql_DeletingAPrintRecord_IsRefusedByTheDatabase()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"IssuedDocuments\" WHERE \"CaseId\" = {id}")));
        Assert.Equal(1, await DocumentsOfAsync(id));
    }

    [Fact]
    public async Task Invalidate_PutsTheDocumentOnTheLostStolenInvalidatedRegister()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync(j.PassportBody());
        var printed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);
        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Clerk, id, "issue-in-person"), HttpStatusCode.OK);

        await ApiJourney.Expect(await ApiJourney.ActAsync(j.Consul, id, "invalidate", "Reported stolen by the holder"), HttpStatusCode.OK);

        var number = printed["document"]!["documentNumber"]!.GetValue<string>();
        var entry = await App.WithDbAsync(db => DocumentRegister.FindAsync(db, number, "FRA", CancellationToken.None));
        Assert.NotNull(entry);
        Assert.Equal(number, entry.DocumentNumber);
        Assert.Equal(RegisteredDocumentStatus.Invalidated, entry.Status);
        Assert.Equal("FRA", entry.IssuingState);
        Assert.Equal(id, entry.CaseId);
    }

    [Fact]
    public async Task Intake_WithATravelDocumentOnTheRegister_StopsTheCaseOnAHit()
    {
        var j = await ApiJourney.StartAsync(App);
        var number = "ST" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await App.WithDbAsync(async db =>
        {
            db.RegisteredDocuments.Add(new RegisteredDocument
            {
                DocumentNumber = number, IssuingState = "SWE", Status = RegisteredDocumentStatus.Stolen,
                Source = "Test list", RecordedAt = App.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var body = j.VisaBody();
        body["visa"]!["travelDocumentNumber"] = number;

        var id = await j.EnterAsync(body);

        var view = await j.GetCaseAsync(id);
        Assert.Equal("Hit", view["state"]!.GetValue<string>());
        Assert.Contains("Stolen", view["screenings"]![0]!["notes"]!.GetValue<string>(), StringComparison.Ordinal);
        var match = view["screenings"]![0]!["matches"]![0]!;
        Assert.Equal(("DocumentRegister", "Stolen", $"{number} (SWE)"), (match["source"]!.GetValue<string>(), match["matchedKind"]!.GetValue<string>(), match["screened"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await ApiJourney.ActAsync(j.Adjudicator, id, "approve")).StatusCode);
    }

    private static readonly string[] CaseActionNamesForTest =
        ["start-checks", "record-checks", "resolve-hit", "approve", "refuse", "print", "reprint", "issue-in-person", "dispatch", "deliver", "close", "withdraw", "invalidate"];

    private Task<int> DocumentsOfAsync(Guid caseId) => App.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == caseId));

    /// <summary>Writes a print record the way a careless script would, bypassing every line of C#.</summary>
    private Task<int> InsertPrintRecordAsync(Guid caseId, DateTime printedAt) => App.WithDbAsync(async db =>
    {
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        var screeningId = await db.ScreeningResults.Where(s => s.CaseId == caseId).OrderByDescending(s => s.ScreenedAt).Select(s => s.Id).FirstAsync();
        var stockId = await db.DocumentStocks.Where(s => s.PostId == @case.PostId && s.Kind == StockKind.VisaSticker).Select(s => s.Id).FirstAsync();
        var documentId = Guid.NewGuid();
        var number = "RW" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var issuedOn = DateOnly.FromDateTime(printedAt);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "IssuedDocuments" ("Id", "CaseId", "StockId", "DocumentNumber", "NumberKey", "Kind", "ScreeningResultId", "PrintedAt", "PrintedBy", "IssuedOn", "Status")
            VALUES ({documentId}, {caseId}, {stockId}, {number}, {number}, {"VisaSticker"}, {screeningId}, {printedAt}, {"script"}, {issuedOn}, {"Printed"})
            """);
    });
}

[Collection("sqlite")]
public sealed class CasesApiTestsSqlite(SqliteAppFixture fixture) : CasesApiTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class CasesApiTestsPostgres(PostgresAppFixture fixture) : CasesApiTests(fixture), IClassFixture<PostgresAppFixture>;
