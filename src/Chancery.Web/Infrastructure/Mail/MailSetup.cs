using Chancery.Core.Mail;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure.Mail;

internal static class MailSetup
{
    public static IServiceCollection AddChanceryMail(this IServiceCollection services, IConfiguration configuration)
    {
        // The local run writes mail beside its database and keys, so a demo needs no server.
        var defaultPickup = Path.Combine(Path.GetDirectoryName(DatabaseSetup.DefaultSqlitePath(configuration))!, "mail");
        services.AddOptions<MailOptions>()
            .Configure(o => o.PickupDirectory = defaultPickup)
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.IsSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailSender>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(sp));
        return services;
    }
}
