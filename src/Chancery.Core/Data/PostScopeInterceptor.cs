using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Core.Data;

/// <summary>
/// Tells PostgreSQL the unit of work's <see cref="DataScope"/> each time a connection opens, for the
/// row-level security policies to read. Pooled connections keep session settings, so both settings are
/// written on every open, whatever a previous user of the connection left there.
/// </summary>
public sealed class PostScopeInterceptor(DataScope scope) : DbConnectionInterceptor
{
    private const string Sql = "SELECT set_config('chancery.post_ids', @post_ids, false), set_config('chancery.scope', @scope, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "post_ids", scope.PostIdsSetting);
        Add(command, "scope", scope.ScopeSetting);
        return command;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
