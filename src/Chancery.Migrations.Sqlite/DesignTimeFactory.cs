using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chancery.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ChanceryDb>
{
    public ChanceryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ChanceryDb>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
