namespace SmartOffice.Exchange.Audit;

/// <summary>
/// An audit line that is committed but not yet chained. It is written in the same transaction as the change it
/// records (or on its own, for reads), and <see cref="AuditChainer"/> moves it into the hash chain shortly after:
/// no request waits for the chain's single head, and no committed change lacks its line.
/// </summary>
public sealed class AuditDraft
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string Actor { get; set; }

    public string? Organization { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Address { get; set; }

    public string? Details { get; set; }
}
