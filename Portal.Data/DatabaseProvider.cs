namespace Portal.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
