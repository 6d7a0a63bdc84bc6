using Npgsql;

namespace SmartOffice.Bench.Floor;

/// <summary>
/// The floor's tables (schema "floor") and its two writes, each one NpgsqlBatch: without an explicit transaction
/// Npgsql sends the whole batch with a single Sync, so PostgreSQL runs it as one implicit transaction — one round
/// trip and one commit. Evidence rows are keyed by letter, recipient and event so a redelivered message adds nothing.
/// </summary>
internal sealed class FloorStore(NpgsqlDataSource database, FloorCounters counters, FloorSeal seal)
{
    private const short Queued = 0;
    private const short Delivered = 1;

    public async Task CreateAsync()
    {
        await DropAsync();
        await database
            .CreateCommand(
                """
                CREATE SCHEMA floor;
                CREATE TABLE floor.letters (
                    id uuid PRIMARY KEY, sender text NOT NULL, subject text NOT NULL, document_sha256 text NOT NULL,
                    submitted_at timestamptz NOT NULL);
                CREATE TABLE floor.deliveries (
                    letter_id uuid NOT NULL REFERENCES floor.letters, recipient text NOT NULL, state smallint NOT NULL,
                    delivered_at timestamptz, PRIMARY KEY (letter_id, recipient));
                -- The inbox: a recipient's deliveries, newest first.
                CREATE INDEX ON floor.deliveries (recipient, delivered_at);
                CREATE TABLE floor.evidences (
                    letter_id uuid NOT NULL REFERENCES floor.letters, recipient text NOT NULL, event text NOT NULL,
                    json text NOT NULL, seal bytea NOT NULL, PRIMARY KEY (letter_id, recipient, event));
                """
            )
            .ExecuteNonQueryAsync();
    }

    public async Task DropAsync() =>
        await database.CreateCommand("DROP SCHEMA IF EXISTS floor CASCADE").ExecuteNonQueryAsync();

    /// <summary>The letter, a queued delivery per recipient and the sealed acceptance evidence.</summary>
    public async Task AcceptAsync(
        Guid id,
        string sender,
        string subject,
        string sha256,
        IReadOnlyList<string> recipients
    )
    {
        var now = DateTimeOffset.UtcNow;
        var (json, signature) = seal.Evidence(id, "", "accepted", sha256);
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(
            Command("INSERT INTO floor.letters VALUES ($1, $2, $3, $4, $5)", id, sender, subject, sha256, now)
        );
        foreach (var recipient in recipients)
        {
            batch.BatchCommands.Add(
                Command("INSERT INTO floor.deliveries VALUES ($1, $2, $3, NULL)", id, recipient, Queued)
            );
        }

        batch.BatchCommands.Add(
            Command("INSERT INTO floor.evidences VALUES ($1, '', 'accepted', $2, $3)", id, json, signature)
        );
        await batch.ExecuteNonQueryAsync();
        counters.RoundTrip();
    }

    /// <summary>The deliveries marked delivered and a sealed consignment evidence per recipient.</summary>
    public async Task DeliverAsync(Guid id, string sha256, IReadOnlyList<string> recipients, DateTimeOffset now)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(
            Command(
                "UPDATE floor.deliveries SET state = $1, delivered_at = $2 WHERE letter_id = $3 AND state = $4",
                Delivered,
                now,
                id,
                Queued
            )
        );
        foreach (var recipient in recipients)
        {
            var (json, signature) = seal.Evidence(id, recipient, "consigned", sha256);
            batch.BatchCommands.Add(
                Command(
                    "INSERT INTO floor.evidences VALUES ($1, $2, 'consigned', $3, $4) ON CONFLICT DO NOTHING",
                    id,
                    recipient,
                    json,
                    signature
                )
            );
        }

        await batch.ExecuteNonQueryAsync();
        counters.RoundTrip();
    }

    public async Task<int> PendingAsync(IReadOnlyList<Guid> letters)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*) FROM floor.deliveries WHERE letter_id = ANY($1) AND state = $2"
        );
        command.Parameters.Add(new() { Value = letters.ToArray() });
        command.Parameters.Add(new() { Value = Queued });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<(DateTimeOffset Submitted, DateTimeOffset Delivered)>> DeliveredAsync(
        IReadOnlyList<Guid> letters
    )
    {
        await using var command = database.CreateCommand(
            """
            SELECT l.submitted_at, d.delivered_at FROM floor.deliveries d JOIN floor.letters l ON l.id = d.letter_id
            WHERE d.letter_id = ANY($1) AND d.delivered_at IS NOT NULL
            """
        );
        command.Parameters.Add(new() { Value = letters.ToArray() });
        var rows = new List<(DateTimeOffset, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return rows;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
