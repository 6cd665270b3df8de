using Chancery.Core.Audit;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Cli;

/// <summary>
/// <c>chancery staff disable|enable|reset-factors NAME</c>: the administrators' page, for when no administrator
/// can sign in. Disabling or resetting ends the account's live sessions within a minute.
/// </summary>
internal static class StaffCommand
{
    public const string Usage = "usage: chancery staff disable|enable|reset-factors USERNAME";

    public static string? Problem(IReadOnlyList<string> args) =>
        args.Count != 2 || args[0] is not ("disable" or "enable" or "reset-factors") || string.IsNullOrWhiteSpace(args[1]) ? Usage : null;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        if (Problem(args) is { } usage)
        {
            await stderr.WriteLineAsync(usage);
            return 2;
        }

        var user = await services.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(args[1].Trim());
        if (user is null)
        {
            await stderr.WriteLineAsync($"chancery staff: no account named '{args[1].Trim()}'.");
            return 2;
        }

        var control = services.GetRequiredService<StaffAccountControl>();
        var result = args[0] switch
        {
            "disable" => await control.DisableAsync(user),
            "enable" => await control.EnableAsync(user),
            _ => await control.ResetFactorsAsync(user),
        };
        if (!result.Succeeded)
        {
            await stderr.WriteLineAsync("chancery staff: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        // Logged like the administrators' page, with the operating-system account that ran the command as the actor.
        IReadOnlyList<string> fields = args[0] == "reset-factors" ? AuditTrail.FactorFields : ["DisabledAt"];
        await services.GetRequiredService<AuditLog>().AppendAsync(
            [new AuditRecord("cli", Environment.UserName, Environment.UserName, "cli:staff " + args[0], "write", "staff-account", user.Id, "staff", user.Id, fields, null, null, "chancery staff " + args[0])],
            CancellationToken.None);
        await stdout.WriteLineAsync(args[0] switch
        {
            "disable" => $"Account '{user.UserName}' disabled; its sessions end within a minute.",
            "enable" => $"Account '{user.UserName}' enabled and unlocked.",
            _ => $"Sign-in factors of '{user.UserName}' reset; the agent enrols again at the next sign-in, and its sessions end within a minute.",
        });
        return 0;
    }
}
