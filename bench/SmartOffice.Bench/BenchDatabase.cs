using Npgsql;

namespace SmartOffice.Bench;

/// <summary>A fresh PostgreSQL database for one benchmark run, reached with the benchmark's pool size.</summary>
internal static class BenchDatabase
{
    /// <summary>The admin connection string from SMARTOFFICE_BENCH_POSTGRES or SMARTOFFICE_TEST_POSTGRES.</summary>
    public static string? Admin =>
        Environment.GetEnvironmentVariable("SMARTOFFICE_BENCH_POSTGRES")
        ?? Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES");

    public static async Task<string> CreateAsync(string admin)
    {
        var database = $"smartoffice_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin)
        {
            Database = database,
            MaxPoolSize = Measure.PoolSize,
        }.ConnectionString;
    }
}
