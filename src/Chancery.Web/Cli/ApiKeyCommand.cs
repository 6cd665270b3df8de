using Chancery.Core.Staff;

namespace Chancery.Web.Cli;

/// <summary><c>chancery apikey create --name NAME --roles ROLE[,ROLE] --posts CODE[,CODE]</c>: prints the key once.</summary>
internal static class ApiKeyCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ApiKeys keys, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Count == 0 || args[0] != "create")
        {
            await stderr.WriteLineAsync("usage: chancery apikey create --name NAME --roles ROLE[,ROLE] --posts CODE[,CODE]");
            return 2;
        }

        string? name = null, roles = null, posts = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                await stderr.WriteLineAsync($"chancery apikey: {args[i]} needs a value.");
                return 2;
            }

            switch (args[i])
            {
                case "--name": name = args[++i]; break;
                case "--roles": roles = args[++i]; break;
                case "--posts": posts = args[++i]; break;
                default:
                    await stderr.WriteLineAsync($"chancery apikey: unknown option '{args[i]}'.");
                    return 2;
            }
        }

        if (name is null || roles is null || posts is null)
        {
            await stderr.WriteLineAsync("chancery apikey create: --name, --roles and --posts are all required.");
            return 2;
        }

        var created = await keys.CreateAsync(name, roles.Split(','), posts.Split(','), ct);
        if (!created.IsSuccess)
        {
            await stderr.WriteLineAsync("chancery apikey: " + created.Error.Message);
            return 2;
        }

        await stdout.WriteLineAsync(created.Value.Key);
        await stderr.WriteLineAsync($"API key for '{created.Value.Client.Name}' (roles {created.Value.Client.Roles}; posts {created.Value.Client.PostCodes}). It is shown once: store it now.");
        return 0;
    }
}
