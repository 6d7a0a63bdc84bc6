using Microsoft.Data.Sqlite;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// Files that hold secrets or every letter's metadata stay readable by the service's own user only: the SQLite
/// database (and its journal files) and the data-protection keys folder, which signs session cookies.
/// </summary>
internal static class SecretFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Protect(WebApplication app, ExchangeDbContext db)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (
            db.IsSqlite
            && new SqliteConnectionStringBuilder(
                Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)
            ).DataSource
                is { Length: > 0 } database
            && File.Exists(database)
        )
        {
            foreach (
                var file in new[] { database, database + "-wal", database + "-shm", database + "-journal" }.Where(
                    File.Exists
                )
            )
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }

        var keys = app.Configuration["DataProtection:KeysPath"]
            ?? Path.Combine(app.Configuration["Data:Path"] ?? "data", "keys");
        if (Directory.Exists(keys))
        {
            File.SetUnixFileMode(keys, OwnerOnly | UnixFileMode.UserExecute);
        }

        if (string.IsNullOrEmpty(app.Configuration["DataProtection:CertificatePath"]))
        {
            app.Logger.LogWarning(
                "Data-protection keys in {Keys} are not encrypted (only the folder's permissions protect them); set "
                    + "DataProtection:CertificatePath to encrypt them with a certificate",
                keys
            );
        }
    }
}
