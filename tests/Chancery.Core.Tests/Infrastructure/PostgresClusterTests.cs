using Chancery.TestCommon.Postgres;
using Npgsql;

namespace Chancery.Core.Tests.Infrastructure;

public sealed class PostgresClusterTests
{
    [Fact]
    public async Task CreateDatabase_CalledTwice_GivesTwoWorkingDatabasesOnOneServer()
    {
        var cluster = await PostgresCluster.GetAsync();

        var first = await cluster.CreateDatabaseAsync("cluster tests");
        var second = await cluster.CreateDatabaseAsync("cluster tests");

        Assert.NotEqual(
            await ScalarAsync<string>(first, "select current_database()"),
            await ScalarAsync<string>(second, "select current_database()"));
        var version = await ScalarAsync<string>(first, "select version()");
        Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
        Assert.Equal(version, await ScalarAsync<string>(second, "select version()"));
    }

    [Fact]
    public async Task CreateDatabase_TableInOne_IsAbsentFromTheOther()
    {
        var cluster = await PostgresCluster.GetAsync();
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();

        await ScalarAsync<int>(first, "create table note (id int); insert into note values (1); select count(*)::int from note");

        Assert.Equal(0, await ScalarAsync<int>(second, "select count(*)::int from pg_tables where tablename = 'note'"));
    }

    [Fact]
    public async Task GetAsync_CalledConcurrently_ReturnsOneCluster()
    {
        var clusters = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostgresCluster.GetAsync()));

        Assert.All(clusters, cluster => Assert.Same(clusters[0], cluster));
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
