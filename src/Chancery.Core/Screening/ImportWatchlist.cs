using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Screening.Import;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Screening;

/// <summary>
/// Replaces a list's entries with those of a published file, in one transaction: a file that does not
/// parse, or a failure while writing, leaves the previous version intact. Every attempt is recorded.
/// </summary>
public sealed class ImportWatchlist(ChanceryDb db, TimeProvider clock)
{
    private const int Batch = 2000;

    public sealed record Outcome(string ListName, int Version, int Individuals, int Aliases, IReadOnlyList<SkippedRecord> Skipped);

    public async Task<Result<Outcome>> ExecuteAsync(
        WatchlistFormat format, Stream file, string? listName, string? fileName, string importedBy,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = string.IsNullOrWhiteSpace(listName) ? DefaultName(format) : listName.Trim();
        if (name is null)
            return Error.Validation("name", "A national lookout list in Chancery's CSV format needs a name (--name).");
        if (name.Length > 100)
            return Error.Validation("name", "A list name has at most 100 characters.");

        var attempt = new WatchlistImport
        {
            ListName = name, Format = format.ToString(), FileName = fileName, StartedAt = clock.GetUtcNow().UtcDateTime, ImportedBy = importedBy,
        };
        db.WatchlistImports.Add(attempt);
        await db.SaveChangesAsync(ct);

        ParsedWatchlist parsed;
        try
        {
            var total = file.CanSeek ? file.Length : 0;
            var bytes = progress is null ? null : new BytesRead(progress, total);
            parsed = WatchlistReader.Read(format, file, name, bytes, ct);
        }
        catch (WatchlistFormatException e)
        {
            await FinishAsync(attempt, false, null, e.Message, ct);
            return Error.Validation("file", e.Message);
        }

        var individuals = parsed.Individuals.ToList();
        int version;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var list = await db.Watchlists.SingleOrDefaultAsync(w => w.Name == name, ct);
            if (list is null)
            {
                list = new Watchlist { Name = name, ChangedAt = clock.GetUtcNow().UtcDateTime };
                db.Watchlists.Add(list);
                await db.SaveChangesAsync(ct);
            }

            var listId = list.Id;
            await db.WatchlistNames.Where(n => db.WatchlistEntries.Any(e => e.Id == n.EntryId && e.WatchlistId == listId)).ExecuteDeleteAsync(ct);
            await db.WatchlistEntries.Where(e => e.WatchlistId == listId).ExecuteDeleteAsync(ct);

            var aliases = 0;
            for (var i = 0; i < individuals.Count; i += Batch)
            {
                foreach (var parsedEntry in individuals.Skip(i).Take(Batch))
                {
                    var entry = ToEntry(listId, parsedEntry);
                    aliases += entry.Names.Count(n => n.Kind == "Alias");
                    db.WatchlistEntries.Add(entry);
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(new ImportProgress("write", Math.Min(i + Batch, individuals.Count), individuals.Count));
            }

            list = await db.Watchlists.SingleAsync(w => w.Id == listId, ct);
            list.Version++;
            list.Format = format.ToString();
            list.Individuals = individuals.Count;
            list.Aliases = aliases;
            // Every screening before this instant is now stale for the issuance gate.
            list.ChangedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            version = list.Version;
            db.ChangeTracker.Clear();
            attempt = await db.WatchlistImports.SingleAsync(a => a.Id == attempt.Id, ct);
            attempt.Individuals = individuals.Count;
            attempt.Aliases = aliases;
        }

        attempt.Skipped = parsed.Summary.Skipped.Count;
        var summary = $"{individuals.Count} individuals, {attempt.Aliases} aliases, {parsed.Summary.Entities} entities not screened, {parsed.Summary.Skipped.Count} records skipped.";
        await FinishAsync(attempt, true, version, summary, ct);
        return new Outcome(name, version, individuals.Count, attempt.Aliases, parsed.Summary.Skipped);
    }

    public static string? DefaultName(WatchlistFormat format) => format switch
    {
        WatchlistFormat.OfacSdn => OfacSdnReader.DefaultSourceList,
        WatchlistFormat.UnXml => UnConsolidatedListReader.DefaultSourceList,
        _ => null,
    };

    private async Task FinishAsync(WatchlistImport attempt, bool succeeded, int? version, string message, CancellationToken ct)
    {
        attempt.Succeeded = succeeded;
        attempt.Version = version;
        attempt.FinishedAt = clock.GetUtcNow().UtcDateTime;
        attempt.Message = message.Length > 4000 ? message[..4000] : message;
        await db.SaveChangesAsync(ct);
    }

    private static WatchlistEntry ToEntry(int listId, ParsedWatchlistEntry parsed)
    {
        static string? Join(IEnumerable<string?> values, int max)
        {
            var text = string.Join('|', values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct());
            return text.Length == 0 ? null : text.Length > max ? text[..max] : text;
        }

        var entry = new WatchlistEntry
        {
            WatchlistId = listId,
            SourceId = Cut(parsed.SourceId, 64),
            PrimaryName = Cut(parsed.PrimaryName, 500),
            BirthDates = Join(parsed.BirthDates.Select(d => d.ToString()), 500),
            Nationalities = Join(parsed.Nationalities.Select(n => n.Alpha3 ?? n.Text), 200),
            DocumentNumbers = Join(parsed.Passports.Select(p => p.Number), 1000),
            Reason = Join(parsed.Programs.Append(parsed.Reason), 1000),
        };
        entry.AddName(new WatchlistName { Name = Cut(parsed.PrimaryName, 500), Kind = "Primary" });
        foreach (var alias in parsed.Aliases)
            entry.AddName(new WatchlistName { Name = Cut(alias.Name, 500), Kind = "Alias", Quality = alias.Quality.ToString() });
        foreach (var original in parsed.OriginalScriptNames)
            entry.AddName(new WatchlistName { Name = Cut(original, 500), Kind = "OriginalScript" });
        return entry;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>Reports synchronously, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class BytesRead(IProgress<ImportProgress> inner, long total) : IProgress<long>
    {
        public void Report(long value) => inner.Report(new ImportProgress("read", value, total));
    }
}
