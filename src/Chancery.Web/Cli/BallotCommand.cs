using Chancery.Core.Appointments;

namespace Chancery.Web.Cli;

// chancery ballot verify FILE: checks a ballot's publication (tirage.json) on its own, with no database: the seed
// against the commitment, and the order recomputed from the seed and the registration ids. Exit 0 when it holds,
// 1 when it does not (with the reason), 2 when the file cannot be read or is not a publication.
internal static class BallotCommand
{
    private const string Usage = "usage: chancery ballot verify FILE";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count == 1 && args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        if (args.Count != 2 || args[0] != "verify")
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        string json;
        try
        {
            json = await File.ReadAllTextAsync(args[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"chancery ballot: cannot read {args[1]}: {e.Message}");
            return 2;
        }

        var publication = BallotPublication.Parse(json);
        if (!publication.IsSuccess)
        {
            await stderr.WriteLineAsync($"chancery ballot: {args[1]}: {publication.Error.Message}");
            return 2;
        }

        var verdict = publication.Value.Verify();
        if (!verdict.IsSuccess)
        {
            await stdout.WriteLineAsync($"not verified: {verdict.Error.Message}");
            return 1;
        }

        await stdout.WriteLineAsync($"verified: {verdict.Value} registrations, order matches");
        return 0;
    }
}
