using Chancery.Core.Data;
using Chancery.Core.Protection;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Web.Infrastructure;

namespace Chancery.Web.Cli;

/// <summary>
/// The one executable's verbs: <c>serve</c> (default), <c>migrate</c>, <c>seed-demo</c>,
/// <c>apikey create</c>, <c>mrz parse</c>. <c>--database postgres --connection "…"</c> works with any of them.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: chancery [serve] [--database sqlite|postgres] [--connection "..."] [--urls URL]
               chancery migrate [--database ...] [--connection ...]
               chancery seed-demo [--database ...] [--connection ...]
               chancery apikey create --name NAME --roles ROLE[,ROLE] --posts CODE[,CODE]
               chancery watchlist import --format ofac-sdn|un-xml|csv [--name NAME] FILE
               chancery screen --name "FULL NAME" [--birth-date YYYY[-MM[-DD]]] [--nationality XXX]
               chancery screen compare "NAME ONE" "NAME TWO" | --file PAIRS.csv
               chancery mrz parse LINE [LINE [LINE]]
               chancery ballot verify FILE
               chancery keys (rotate | status) [--database ...] [--connection ...]
               chancery audit verify [--verify-key FILE]
               chancery audit checkpoint [--every 5m] [--signing-key FILE] [--verify-key FILE]
               chancery breach report (--account NAME | --apikey NAME | --component NAME[*]) --from ISO --to ISO --out DIR [--detected ISO]
               chancery staff disable|enable|reset-factors USERNAME
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (verb, rest) = args.Length > 0 && !args[0].StartsWith('-') ? (args[0], args[1..]) : ("serve", args);
        string[] hostArgs;
        try
        {
            hostArgs = HostArguments(rest, out rest);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 2;
        }

        switch (verb)
        {
            case "serve":
                return await ServeAsync(hostArgs.Concat(rest).ToArray(), stderr);
            case "migrate":
                return await WithServicesAsync(hostArgs, stderr, async (sp, ct) =>
                {
                    // As the tables' owner; then the application role, if one is configured, gets its rights (docs/rls.md).
                    var configuration = sp.GetRequiredService<IConfiguration>();
                    await using var owner = DatabaseSetup.CreateOwnerContext(configuration);
                    var applied = await SchemaCheck.MigrateAsync(owner, ct);
                    await DatabaseSetup.GrantAppRoleAsync(owner, configuration, ct);
                    await sp.GetRequiredService<KeyRing>().EnsureAsync(ct);
                    await stdout.WriteLineAsync(applied.Count == 0
                        ? "The database schema is up to date."
                        : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
                    return 0;
                });
            case "seed-demo":
                return await WithMigratedServicesAsync(hostArgs, stderr, async (sp, ct) =>
                {
                    await DemoData.SeedAsync(sp, ct);
                    await DemoData.PrintSignInsAsync(sp, stdout, ct);
                    return 0;
                });
            case "apikey":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, ct) =>
                    ApiKeyCommand.RunAsync(rest, sp.GetRequiredService<ApiKeys>(), stdout, stderr, ct));
            case "watchlist":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, ct) =>
                    WatchlistCommand.RunAsync(rest, sp.GetRequiredService<ImportWatchlist>(), stdout, stderr, ct));
            case "screen" when rest.FirstOrDefault() != "compare":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, ct) => ScreenCommand.SearchAsync(rest, sp, stdout, stderr, ct));
            case "screen":
                return await WithServicesAsync(hostArgs, stderr, (sp, _) =>
                    ScreenCommand.RunAsync(rest, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Chancery.Core.Options.ChanceryOptions>>().Value.Screening, stdout, stderr));
            case "mrz":
                return MrzCli.Run(rest, stdout, stderr);
            case "ballot":
                return await BallotCommand.RunAsync(rest, stdout, stderr);
            case "keys" when KeysCommand.Problem(rest) is { } keysUsage:
                await stderr.WriteLineAsync(keysUsage);
                return 2;
            case "keys":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, ct) => KeysCommand.RunAsync(rest, sp, stdout, ct));
            case "breach" when BreachCommand.Parse(rest).Problem is { } problem:
                await stderr.WriteLineAsync("chancery breach: " + problem + " " + BreachCommand.Usage);
                return 2;
            case "breach":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, ct) =>
                    BreachCommand.RunAsync(rest, new Chancery.Core.Breach.MakeBreachReport(sp.GetRequiredService<ChanceryDb>(), sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<TimeProvider>(), stdout, stderr, ct));
            case "audit":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, ct) => AuditCommand.RunAsync(rest, sp, stdout, stderr, ct));
            case "staff" when StaffCommand.Problem(rest) is { } usage:
                await stderr.WriteLineAsync(usage);
                return 2;
            case "staff":
                return await WithMigratedServicesAsync(hostArgs, stderr, (sp, _) => StaffCommand.RunAsync(rest, sp, stdout, stderr));
            case "help" or "--help" or "-h":
                await stdout.WriteLineAsync(Usage);
                return 0;
            default:
                await stderr.WriteLineAsync($"chancery: unknown command '{verb}'. Commands: serve, migrate, seed-demo, apikey, watchlist, screen, mrz, ballot, keys, breach, audit, staff.");
                return 2;
        }
    }

    private static async Task<int> ServeAsync(string[] args, TextWriter stderr)
    {
        var builder = ChanceryHost.CreateBuilder(args);
        var app = ChanceryHost.Configure(builder.Build());
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (SchemaMismatchException e)
        {
            await stderr.WriteLineAsync("chancery: " + e.Message);
            return 1;
        }
        catch (SealedValueException e)
        {
            await stderr.WriteLineAsync("chancery: " + e.Message);
            return 2;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // A setting missing or wrong: one line naming it, not a stack trace.
            await stderr.WriteLineAsync("chancery: " + string.Join(" ", e.Failures));
            return 2;
        }
    }

    private static async Task<int> WithServicesAsync(string[] hostArgs, TextWriter stderr, Func<IServiceProvider, CancellationToken, Task<int>> run)
    {
        var builder = ChanceryHost.CreateBuilder(hostArgs);
        await using var app = builder.Build();
        // A verb acts for no one in particular: it sees every post (docs/rls.md).
        await using var scope = app.Services.CreateSystemScope();
        try
        {
            return await run(scope.ServiceProvider, CancellationToken.None);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("ConnectionStrings", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync("chancery: " + e.Message);
            return 2;
        }
        catch (SealedValueException e)
        {
            // No master key file, or not the one that wrapped this database's keys.
            await stderr.WriteLineAsync("chancery: " + e.Message);
            return 2;
        }
    }

    /// <summary>Like <see cref="WithServicesAsync"/>, but only on a database with the expected schema (exit 1 otherwise).</summary>
    private static Task<int> WithMigratedServicesAsync(string[] hostArgs, TextWriter stderr, Func<IServiceProvider, CancellationToken, Task<int>> run) =>
        WithServicesAsync(hostArgs, stderr, async (sp, ct) =>
        {
            var verdict = await SchemaCheck.CheckAsync(sp.GetRequiredService<ChanceryDb>(), ct);
            if (verdict.Ok)
            {
                await sp.GetRequiredService<KeyRing>().EnsureAsync(ct);
                return await run(sp, ct);
            }
            await stderr.WriteLineAsync("chancery: " + verdict.Message);
            return 1;
        });

    /// <summary>Turns <c>--database</c> and <c>--connection</c> into configuration keys; leaves the rest.</summary>
    private static string[] HostArguments(string[] args, out string[] rest)
    {
        var host = new List<string>();
        var others = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--database" or "--connection" or "--urls")
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"chancery: {a} needs a value.");
                var value = args[++i];
                if (a == "--database" && value is not ("sqlite" or "postgres"))
                    throw new ArgumentException($"chancery: --database must be sqlite or postgres, not '{value}'.");
                host.Add(a switch
                {
                    "--database" => $"--Chancery:Database={value}",
                    "--connection" => $"--ConnectionStrings:Chancery={value}",
                    _ => $"--urls={value}",
                });
            }
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
            {
                // Any other setting, as configuration: --Chancery:Protection:MasterKeyFile=FILE.
                host.Add(a);
            }
            else
            {
                others.Add(a);
            }
        }

        rest = [.. others];
        return [.. host];
    }
}
