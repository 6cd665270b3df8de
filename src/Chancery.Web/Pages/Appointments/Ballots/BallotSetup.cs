using Chancery.Core.Appointments;
using Chancery.Web.Infrastructure;

namespace Chancery.Web.Pages.Appointments.Ballots;

/// <summary>The ballots' operations, and the worker that opens, draws and lapses them (off with <c>Chancery:Appointments:Ballots=false</c>).</summary>
internal static class BallotSetup
{
    public static IServiceCollection AddChanceryBallots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BallotNotifier>();
        services.AddScoped<CreateBallot>();
        services.AddScoped<RegisterForBallot>();
        services.AddScoped<DrawBallots>();
        services.AddScoped<LapseBallotOffers>();
        services.AddScoped<ConfirmBallotOffer>();
        if (configuration.GetValue("Chancery:Appointments:Ballots", true))
            services.AddHostedService<BallotWorker>();
        return services;
    }
}
