namespace SmartOffice.Exchange.Configuration;

/// <summary>The database (section "Database", and ConnectionStrings:SmartOffice).</summary>
public sealed record DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>"Sqlite" (the embedded default, data/smartoffice.db) or "Postgres".</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>From ConnectionStrings:SmartOffice; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
