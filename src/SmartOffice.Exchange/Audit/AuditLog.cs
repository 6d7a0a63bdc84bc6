using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Audit;

/// <summary>
/// Appends to and verifies the hash-chained audit log. Appends serialize on the sequence primary key: two writers
/// that read the same head collide on the key and the loser retries on the new head, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class AuditLog(ExchangeDbContext db, TimeProvider time)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const int MaxAttempts = 50;

    public async Task AppendAsync(string actor, string? organization, string action, string? target, string? address = null, string? details = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var entry = new AuditEntry
            {
                Sequence = (head?.Sequence ?? 0) + 1,
                Time = Milliseconds(time.GetUtcNow()),
                Actor = actor,
                Organization = organization,
                Action = action,
                Target = target,
                Address = address,
                Details = details,
                PreviousHash = head?.Hash ?? Genesis,
                Hash = "",
            };
            entry.Hash = HashOf(entry);
            db.AuditEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < MaxAttempts)
            {
                db.Entry(entry).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Walks the whole chain; reports the first line whose hash, link or sequence is wrong.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previous = Genesis;
        long expected = 1;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string? problem = entry.Sequence != expected ? $"line {expected} is missing (next line is {entry.Sequence})"
                : entry.PreviousHash != previous ? $"line {entry.Sequence} does not link to line {entry.Sequence - 1}"
                : entry.Hash != HashOf(entry) ? $"line {entry.Sequence} was changed after it was written"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(false, expected - 1, Math.Min(expected, entry.Sequence), problem, previous);
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditVerification(true, expected - 1, null, null, previous);
    }

    // PostgreSQL keeps microseconds and EF's SQLite converter 0.1 ms: hashing finer ticks would not survive storage.
    private static DateTimeOffset Milliseconds(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.Time.UtcTicks.ToString(CultureInfo.InvariantCulture), entry.Actor,
            entry.Organization ?? "", entry.Action, entry.Target ?? "", entry.Address ?? "", entry.Details ?? "", entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The chain's state: intact, how many lines were good, and where it breaks. <see cref="HeadHash"/> can be kept elsewhere to detect a cut tail.</summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedLines, long? FirstBrokenLine, string? Problem, string HeadHash);
