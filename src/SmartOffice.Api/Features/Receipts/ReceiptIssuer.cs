using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Receipts;

namespace SmartOffice.Api.Features.Receipts;

/// <summary>
/// Issues a sealed delivery receipt for the API and the workspace alike. Who may have one: the letter's sender, for
/// any of its recipients, and a recipient for itself once the letter reached it. Anyone else, like an unknown
/// recipient, is told nothing exists (404, never 403), as with every letter read. Each receipt issued is audited.
/// </summary>
internal sealed class ReceiptIssuer(
    ExchangeDbContext db,
    DeliveryReceiptReader reader,
    ReceiptSealer sealer,
    ServiceClock clock,
    AuditLog audit
)
{
    private const int MaxRegistryNumberLength = 32;

    public sealed record IssuedReceipt(byte[] Pdf, string FileName);

    /// <summary>The sealed PDF; null when the caller may not have this receipt or it does not exist.</summary>
    public async Task<IssuedReceipt?> IssueAsync(
        Guid letterId,
        string recipient,
        Caller caller,
        string? address,
        CancellationToken cancellationToken
    )
    {
        if (recipient.Length is 0 or > MaxRegistryNumberLength || !recipient.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var senderId = await LetterAccess
            .Readable(db, caller)
            .Where(l => l.Id == letterId)
            .Select(l => (Guid?)l.SenderOrganizationId)
            .FirstOrDefaultAsync(cancellationToken);
        if (senderId is null)
        {
            return null;
        }

        var isOwnDelivery = await db
            .Deliveries.Where(DeliveryRules.ReceivedBy(caller.OrganizationId))
            .AnyAsync(d => d.LetterId == letterId && d.RecipientRegistryNumber == recipient, cancellationToken);
        if (senderId != caller.OrganizationId && !isOwnDelivery)
        {
            return null;
        }

        var facts = await reader.ReadAsync(letterId, recipient, sealer.Issuer, clock.Now, cancellationToken);
        if (facts is null)
        {
            return null;
        }

        var pdf = sealer.Seal(facts, clock.Zone);
        await audit.AppendAsync(
            caller.Actor,
            caller.RegistryNumber,
            "receipt.issued",
            letterId.ToString(),
            address,
            $"recipient {recipient}",
            cancellationToken
        );
        return new IssuedReceipt(pdf, $"receipt-{letterId:N}-{recipient}.pdf");
    }
}
