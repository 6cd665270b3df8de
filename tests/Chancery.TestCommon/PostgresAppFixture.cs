namespace Chancery.TestCommon;

public sealed class PostgresAppFixture() : AppFixture(DatabaseKind.Postgres);
