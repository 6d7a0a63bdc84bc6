using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Audit;

/// <summary>
/// Writes audit lines as drafts (see <see cref="AuditDraft"/>) and verifies the hash-chained log they become.
/// </summary>
public sealed class AuditLog(ExchangeDbContext db, AuditWriter writer, AuditChainer chainer, TimeProvider time)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Adds a line to <paramref name="changes"/>: it commits with the caller's SaveChanges, so the change and its
    /// line are one transaction. Call <see cref="Committed"/> after the commit to have it chained at once.
    /// </summary>
    public void Stage(
        ExchangeDbContext changes,
        string actor,
        string? organization,
        string action,
        string? target,
        string? address = null,
        string? details = null
    )
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.AuditDrafts.Add(Draft(actor, organization, action, target, address, details));
    }

    /// <summary>Staged lines were committed: chain them soon rather than at the next poll.</summary>
    public void Committed() => chainer.Notify();

    /// <summary>Appends a line on its own; completes when it is committed (see <see cref="AuditWriter"/>).</summary>
    public Task AppendAsync(
        string actor,
        string? organization,
        string action,
        string? target,
        string? address = null,
        string? details = null,
        CancellationToken cancellationToken = default
    )
    {
        _ = cancellationToken;
        return writer.AppendAsync(Draft(actor, organization, action, target, address, details));
    }

    private AuditDraft Draft(
        string actor,
        string? organization,
        string action,
        string? target,
        string? address,
        string? details
    ) =>
        new()
        {
            Time = Milliseconds(time.GetUtcNow()),
            Actor = actor,
            Organization = organization,
            Action = action,
            Target = target,
            Address = address,
            Details = details,
        };

    /// <summary>
    /// Chains pending drafts, then walks the whole chain; reports the first line whose hash, link or sequence is wrong.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // What is committed but not yet chained is chained first, so the answer covers every line written so far.
        await chainer.ChainPendingAsync(cancellationToken).ConfigureAwait(false);
        var previous = Genesis;
        long expected = 1;
        await foreach (
            var entry in db
                .AuditEntries.AsNoTracking()
                .OrderBy(e => e.Sequence)
                .AsAsyncEnumerable()
                .WithCancellation(cancellationToken)
                .ConfigureAwait(false)
        )
        {
            string? problem =
                entry.Sequence != expected ? $"line {expected} is missing (next line is {entry.Sequence})"
                : entry.PreviousHash != previous ? $"line {entry.Sequence} does not link to line {entry.Sequence - 1}"
                : entry.Hash != HashOf(entry) ? $"line {entry.Sequence} was changed after it was written"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(
                    false,
                    expected - 1,
                    Math.Min(expected, entry.Sequence),
                    problem,
                    previous
                );
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditVerification(true, expected - 1, null, null, previous);
    }

    // PostgreSQL keeps microseconds and EF's SQLite converter 0.1 ms: hashing finer ticks would not survive storage.
    private static DateTimeOffset Milliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Time.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Organization ?? "",
            entry.Action,
            entry.Target ?? "",
            entry.Address ?? "",
            entry.Details ?? "",
            entry.PreviousHash
        );
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>
/// The chain's state: intact, how many lines were good, and where it breaks. <see cref="HeadHash"/> can be kept
/// elsewhere to detect a cut tail.
/// </summary>
public sealed record AuditVerification(
    bool IsIntact,
    long VerifiedLines,
    long? FirstBrokenLine,
    string? Problem,
    string HeadHash
);
