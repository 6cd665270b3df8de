using Chancery.Core.Cases;
using Chancery.Core.Persons;
using Chancery.Core.Screening;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Import;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Screening;

// The background worker of a running server: lists imported by another process are picked up, the
// index is rebuilt beside the one in use (searches never stop), and cases left waiting are screened.
public sealed class ScreeningWorkerTests
{
    [Fact]
    public async Task ListImportedElsewhere_IsIndexedWithoutStoppingSearches_AndWaitingCasesAreScreened()
    {
        using var app = new ChanceryApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite)) { WithScreeningWorker = true };
        _ = app.Server;
        var holder = app.Services.GetRequiredService<ScreeningIndexHolder>();
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Chancery.Core.Staff.Role.Clerk, post);
        await WaitUntilAsync(() => holder.Current is not null, "the first index");

        // A case whose checks could not run at entry, for a person about to be listed.
        var waiting = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var person = new Person { Surname = "Nazarbekov", GivenNames = "Timur", BirthDate = "1969", Sex = "M", Nationality = "KAZ" };
            var @case = new PassportCase
            {
                Reference = CaseReference.New(post.Code), PostId = post.Id, ApplicantId = person.Id, Applicant = person,
                EnteredBy = clerk.Id, EnteredAt = now, Format = PassportFormat.Booklet,
            };
            var actor = new Chancery.Core.Staff.Actor(clerk.Id, "Clerk", new HashSet<Chancery.Core.Staff.Role> { Chancery.Core.Staff.Role.Clerk }, new HashSet<int> { post.Id }, null);
            @case.RecordSubmission(actor, now);
            @case.Apply(CaseAction.StartChecks, actor, now);
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
            return @case.Id;
        });

        // Another process (the CLI) imports the real UN list and a national list: the server's holder is not told.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportWatchlist>();
            await using (var un = File.OpenRead(SharedData.PathOf("watchlists/un-consolidated-2018.xml")))
                Assert.True((await import.ExecuteAsync(WatchlistFormat.UnXml, un, null, "un.xml", "cli", null, default)).IsSuccess);
            using var national = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ChanceryLookoutCsv.Header + "\nK-1,NAZARBEKOV,Timur,,1969,KAZ,Test\n"));
            Assert.True((await import.ExecuteAsync(WatchlistFormat.ChanceryCsv, national, "National lookout", "n.csv", "cli", null, default)).IsSuccess);
        }

        var before = holder.Current!;
        var searches = 0;
        using var stop = new CancellationTokenSource();
        // Searches keep running on whatever index is current while the worker rebuilds.
        var searching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                _ = holder.Current!.Index.Search(new ScreeningQuery("Timur Nazarbekov"), 0.85);
                Interlocked.Increment(ref searches);
            }
        });

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await WaitUntilAsync(() => !ReferenceEquals(holder.Current, before) && holder.Current!.ListVersions.ContainsKey("National lookout"), "the rebuilt index");
        await WaitUntilAsync(async () => await app.WithDbAsync(db => db.Cases.Where(c => c.Id == waiting).Select(c => c.State).SingleAsync()) == CaseState.Hit, "the waiting case screened");
        await stop.CancelAsync();
        await searching;

        Assert.True(searches > 0);
        Assert.True(holder.Current!.Index.Entries > 600, $"{holder.Current.Index.Entries} entries");
        var result = await app.WithDbAsync(db => db.ScreeningResults.Include(r => r.Matches).SingleAsync(r => r.CaseId == waiting));
        Assert.Equal("system", result.ScreenedBy);
        Assert.Contains(result.Matches, m => m.ListName == "National lookout" && m.SourceId == "K-1");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what) => await WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("Waited a minute for " + what + ".");
            await Task.Delay(50);
        }
    }
}
