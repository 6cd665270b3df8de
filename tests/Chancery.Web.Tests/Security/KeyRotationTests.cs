using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chancery.Core.Protection;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Security;

// chancery keys rotate while the server keeps serving: reads and writes go on and succeed, the command shows a
// progress bar, and at the end no personal value is sealed under the old key. Interrupted, it resumes.
public abstract class KeyRotationTests(DatabaseKind kind)
{
    [Fact]
    public async Task Rotate_UnderLoad_ReadsAndWritesKeepSucceeding_AndNoValueRemainsUnderTheOldKey()
    {
        await using var app = await ChanceryApp.StartAsync(kind);
        var journey = await ApiJourney.StartAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 120; i++)
            ids.Add(await journey.EnterAsync(journey.PassportBody("Rotation")));

        // A passport printed, then invalidated: its print record (number, zone, void reason sealed) is frozen by a
        // trigger, and its number joins the register; both are re-sealed like the rest.
        var printed = await journey.ApprovedCaseAsync(journey.PassportBody("Printed"));
        await ApiJourney.Expect(await ApiJourney.ActAsync(journey.Printer, printed, "print"), HttpStatusCode.OK);
        await ApiJourney.Expect(await ApiJourney.ActAsync(journey.Consul, printed, "invalidate", "Reported lost"), HttpStatusCode.OK);
        string number;
        await using (var db0 = app.Database.NewContext())
            number = (await db0.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == printed)).DocumentNumber;
        var before = await VersionAsync(app);

        using var stop = new CancellationTokenSource();
        var reads = 0;
        var writes = 0;
        var failures = new List<string>();
        var load = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                // The servers reload their keys every 30 s of their clock.
                app.Clock.Advance(TimeSpan.FromSeconds(31));
                var read = await journey.Clerk.GetAsync(new Uri($"/api/v1/cases/{ids[n++ % ids.Count]}", UriKind.Relative));
                if (read.StatusCode == HttpStatusCode.OK && (await read.Content.ReadAsStringAsync()).Contains("ROTATION", StringComparison.OrdinalIgnoreCase))
                    Interlocked.Increment(ref reads);
                else
                    lock (failures) failures.Add($"read {(int)read.StatusCode}");
                var written = await journey.Clerk.PostAsJsonAsync("/api/v1/cases", journey.PassportBody("Duringrotation"));
                if (written.StatusCode == HttpStatusCode.Created)
                    Interlocked.Increment(ref writes);
                else
                    lock (failures) failures.Add($"write {(int)written.StatusCode}");
            }
        });

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // The command sees the same database, master key and upload folder as the running servers.
        string[] rotate = ["keys", "rotate", .. app.Database.CliArguments(), "--Chancery:Uploads:Directory=" + app.UploadDirectory];
        var code = await CommandLine.RunAsync(rotate, stdout, stderr);
        // A value a server wrote under the old key just before it reloaded its keys is left for a second run.
        if (code == 1)
            code = await CommandLine.RunAsync(rotate, stdout, stderr);
        await stop.CancelAsync();
        await load;

        Assert.True(code == 0, stdout + " " + stderr);
        Assert.Empty(failures);
        Assert.True(reads > 0 && writes > 0, $"{reads} reads, {writes} writes during the rotation");
        Assert.Contains("%", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("no value remains under an older version", stdout.ToString(), StringComparison.Ordinal);

        // Every row written before and during the rotation reads under the new version; none is under the old one.
        var older = await app.Database.Protection.GetRequiredService<RotateKeys>().CountOlderAsync(before + 1, CancellationToken.None);
        Assert.True(older.Values.All(v => v == 0), string.Join(", ", older.Select(o => $"{o.Key} {o.Value}")) + "\n" + stdout + "\n" + stderr);
        await using var db = app.Database.NewContext();
        var people = await db.Persons.AsNoTracking().ToListAsync();
        Assert.Equal(120 + writes, people.Count(p => p.Surname.StartsWith("ROTATION", StringComparison.OrdinalIgnoreCase) || p.Surname.StartsWith("DURINGROTATION", StringComparison.OrdinalIgnoreCase)));
        var stored = await db.Persons.Select(p => EF.Property<string>(p, PersonalData.Stored("Surname"))).ToListAsync();
        Assert.All(stored, s => Assert.Equal(before + 1, Sealer.VersionOf(s)));

        var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == printed);
        Assert.Equal((number, "Invalidated: Reported lost"), (document.DocumentNumber, document.VoidReason));
        Assert.Equal(before + 1, Sealer.VersionOf(await db.IssuedDocuments.Where(d => d.CaseId == printed).Select(d => EF.Property<string>(d, PersonalData.Stored("DocumentNumber"))).SingleAsync()));
        var registered = await Chancery.Core.Screening.DocumentRegister.FindAsync(db, number, "FRA", CancellationToken.None);
        Assert.Equal(printed, registered?.CaseId);
    }

    [Fact]
    public async Task Rotate_Interrupted_ResumesUnderTheSameNewKey()
    {
        await using var app = await ChanceryApp.StartAsync(kind);
        var journey = await ApiJourney.StartAsync(app);
        for (var i = 0; i < RotateKeys.BatchSize * 2 + 10; i++)
            await journey.EnterAsync(journey.PassportBody("Resume"));
        var rotate = app.Database.Protection.GetRequiredService<RotateKeys>();
        var before = await VersionAsync(app);
        // Every row with a sealed value: people, cases, their history and screenings.
        var all = (await rotate.CountOlderAsync(before + 1, CancellationToken.None)).Values.Sum();

        using var interrupt = new CancellationTokenSource();
        var progress = new Progress(interrupt);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotate.ExecuteAsync(resume: true, progress, interrupt.Token));
        var left = (await rotate.CountOlderAsync(before + 1, CancellationToken.None)).Values.Sum();
        Assert.InRange(left, 1, all - 1);

        var outcome = await rotate.ExecuteAsync(resume: true, null, CancellationToken.None);

        Assert.Equal(before + 1, outcome.NewVersion);
        Assert.True(outcome.Complete);
        Assert.Equal(0, (await rotate.CountOlderAsync(before + 1, CancellationToken.None)).Values.Sum());
        // Done, the next run starts a new rotation.
        Assert.Equal(before + 2, (await rotate.ExecuteAsync(resume: true, null, CancellationToken.None)).NewVersion);
    }

    private static Task<int> VersionAsync(ChanceryApp app) =>
        app.WithDbAsync(db => db.SealingKeys.Where(k => k.Purpose == KeyRing.DataPurpose).MaxAsync(k => k.Version));

    // Stops the rotation after its first batch.
    private sealed class Progress(CancellationTokenSource interrupt) : IProgress<RotateKeys.Progress>
    {
        public void Report(RotateKeys.Progress value)
        {
            if (value.Done > 0)
                interrupt.Cancel();
        }
    }
}

public sealed class KeyRotationTestsSqlite() : KeyRotationTests(DatabaseKind.Sqlite);

public sealed class KeyRotationTestsPostgres() : KeyRotationTests(DatabaseKind.Postgres);
