namespace Chancery.TestCommon;

public sealed class SqliteAppFixture() : AppFixture(DatabaseKind.Sqlite);
