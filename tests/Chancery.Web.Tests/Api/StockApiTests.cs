using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chancery.Core.Documents;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Api;

public abstract class StockApiTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task ConcurrentPrints_FromTwoClients_NeverShareASerial()
    {
        var j = await ApiJourney.StartAsync(App);
        var secondPrinter = await App.ApiClientAsync(Role.PrintOperator, j.Post);
        var cases = new List<Guid>();
        for (var i = 0; i < 16; i++)
            cases.Add(await j.ApprovedCaseAsync(j.VisaBody("Applicant" + (char)('A' + i))));

        // Both stations print every case at once: each case is printed by exactly one of them.
        var attempts = cases.SelectMany(id => new[] { ApiJourney.ActAsync(j.Printer, id, "print"), ApiJourney.ActAsync(secondPrinter, id, "print") });
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(cases.Count, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var numbers = await App.WithDbAsync(db => db.IssuedDocuments.Where(d => cases.Contains(d.CaseId)).Select(d => d.DocumentNumber).ToListAsync());
        Assert.Equal(cases.Count, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var stock = await App.WithDbAsync(db => db.DocumentStocks.SingleAsync(s => s.PostId == j.Post.Id && s.Kind == StockKind.VisaSticker));
        Assert.Equal(1 + cases.Count, stock.NextSerial);
    }

    [Fact]
    public async Task ConcurrentPrintsOfDifferentCases_TakeConsecutiveSerials()
    {
        var j = await ApiJourney.StartAsync(App);
        var secondPrinter = await App.ApiClientAsync(Role.PrintOperator, j.Post);
        var cases = new List<Guid>();
        for (var i = 0; i < 12; i++)
            cases.Add(await j.ApprovedCaseAsync(j.VisaBody("Holder" + (char)('A' + i))));

        var responses = await Task.WhenAll(cases.Select((id, i) => ApiJourney.ActAsync(i % 2 == 0 ? j.Printer : secondPrinter, id, "print")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Numbers are sealed: read the documents whole and compare with the stock's first twelve numbers.
        var (numbers, expected) = await App.WithDbAsync(async db =>
        {
            var documents = await db.IssuedDocuments.Where(d => cases.Contains(d.CaseId)).ToListAsync();
            var stock = await db.DocumentStocks.SingleAsync(s => s.Id == documents[0].StockId);
            return (documents.Select(d => d.DocumentNumber).Order(StringComparer.Ordinal).ToList(), Enumerable.Range(1, cases.Count).Select(i => stock.NumberOf(i)).ToList());
        });
        Assert.Equal(expected, numbers);
    }

    [Fact]
    public async Task SpoiledBlank_UsesUpItsNumber_AndPrintTakesTheNext()
    {
        var j = await ApiJourney.StartAsync(App);
        var report = await ApiJourney.Expect(await j.Printer.GetAsync("/api/v1/stock"), HttpStatusCode.OK);
        var visaStock = report["stocks"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "VisaSticker")!;
        var stockId = visaStock["id"]!.GetValue<int>();

        var spoiled = await ApiJourney.Expect(
            await j.Printer.PostAsJsonAsync($"/api/v1/stock/{stockId}/spoiled", new { reason = "Torn while loading the printer" }), HttpStatusCode.OK);
        var id = await j.ApprovedCaseAsync();
        var printed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);

        Assert.Equal(visaStock["firstNumber"]!.GetValue<string>(), spoiled["documentNumber"]!.GetValue<string>());
        Assert.NotEqual(spoiled["documentNumber"]!.GetValue<string>(), printed["document"]!["documentNumber"]!.GetValue<string>());
        var after = await ApiJourney.Expect(await j.Printer.GetAsync("/api/v1/stock"), HttpStatusCode.OK);
        Assert.Contains(after["spoiled"]!.AsArray(), s => s!["reason"]!.GetValue<string>() == "Torn while loading the printer");
    }

    [Fact]
    public async Task ReceiveStock_OverlappingARangeAlreadyReceived_IsRefused()
    {
        var j = await ApiJourney.StartAsync(App);
        var body = new JsonObject { ["postCode"] = j.Post.Code, ["kind"] = "PassportBooklet", ["prefix"] = "QX", ["firstSerial"] = 5000, ["lastSerial"] = 5999 };

        var first = await j.Printer.PostAsJsonAsync("/api/v1/stock", body);
        body["firstSerial"] = 5500;
        body["lastSerial"] = 6500;
        var overlapping = await j.Printer.PostAsJsonAsync("/api/v1/stock", body);

        Assert.True(first.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
    }

    [Fact]
    public async Task ReceiveStock_SamePrefixForAnotherKind_IsRefused()
    {
        var j = await ApiJourney.StartAsync(App);
        var prefix = "Q" + (char)('A' + System.Security.Cryptography.RandomNumberGenerator.GetInt32(26)) + (char)('A' + System.Security.Cryptography.RandomNumberGenerator.GetInt32(26));
        var booklets = new JsonObject { ["postCode"] = j.Post.Code, ["kind"] = "PassportBooklet", ["prefix"] = prefix, ["firstSerial"] = 1, ["lastSerial"] = 500 };
        var stickers = new JsonObject { ["postCode"] = j.Post.Code, ["kind"] = "VisaSticker", ["prefix"] = prefix, ["firstSerial"] = 400, ["lastSerial"] = 900 };

        Assert.Equal(HttpStatusCode.Created, (await j.Printer.PostAsJsonAsync("/api/v1/stock", booklets)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await j.Printer.PostAsJsonAsync("/api/v1/stock", stickers)).StatusCode);
    }

    [Fact]
    public async Task ReceiveStock_LastBeforeFirst_Is400()
    {
        var j = await ApiJourney.StartAsync(App);
        var body = new JsonObject { ["postCode"] = j.Post.Code, ["kind"] = "VisaSticker", ["prefix"] = "QY", ["firstSerial"] = 10, ["lastSerial"] = 5 };

        var response = await j.Printer.PostAsJsonAsync("/api/v1/stock", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PrintJobs_ListPrintedDocuments_UntilTheStationConfirms()
    {
        var j = await ApiJourney.StartAsync(App);
        var id = await j.ApprovedCaseAsync();
        var printed = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Printer, id, "print"), HttpStatusCode.OK);
        var documentId = printed["document"]!["id"]!.GetValue<Guid>();

        var queue = JsonNode.Parse(await j.Printer.GetStringAsync("/api/v1/print-jobs"))!.AsArray();
        Assert.Contains(queue, job => job!["id"]!.GetValue<Guid>() == documentId && job["mrz"]!.AsArray().Count == 2);
        // The queue shows the holder: the read is in the audit log.
        var record = id.ToString();
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == record && e.Component == "api:GET /api/v1/print-jobs" && e.Action == "read")));
        Assert.Equal(HttpStatusCode.NoContent, (await j.Printer.PostAsync($"/api/v1/print-jobs/{documentId}/printed", null)).StatusCode);
        queue = JsonNode.Parse(await j.Printer.GetStringAsync("/api/v1/print-jobs"))!.AsArray();
        Assert.DoesNotContain(queue, job => job!["id"]!.GetValue<Guid>() == documentId);
    }
}

[Collection("sqlite")]
public sealed class StockApiTestsSqlite(SqliteAppFixture fixture) : StockApiTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class StockApiTestsPostgres(PostgresAppFixture fixture) : StockApiTests(fixture), IClassFixture<PostgresAppFixture>;
