namespace Chancery.TestCommon;

/// <summary>Every database test runs once per provider.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
