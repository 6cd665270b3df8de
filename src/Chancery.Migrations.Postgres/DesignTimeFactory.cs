using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chancery.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ChanceryDb>
{
    public ChanceryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ChanceryDb>()
            .UseNpgsql("Host=localhost;Database=chancery_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
