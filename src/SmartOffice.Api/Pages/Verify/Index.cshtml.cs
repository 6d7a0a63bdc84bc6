using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Receipts;
using SmartOffice.Signing;
using SmartOffice.Signing.Evidence;

namespace SmartOffice.Api.Pages.Verify;

/// <summary>
/// Public verification, no login (as a court or an auditor would): a letter PDF is validated against the trust list
/// with no expected signer, and we say only whether this exact document (SHA-256) was exchanged here — nothing else
/// about it. A PDF that names receipt facts is checked as a delivery receipt instead: sealed by this service and
/// unchanged, then its facts (which its holder already has) shown and compared with our records. An evidence file's
/// seal is checked with the same code as `smartoffice evidence verify`, and must be our seal.
/// </summary>
[EnableRateLimiting(RateLimiting.VerifyPolicy)]
internal sealed class IndexModel(
    ExchangeDbContext db,
    PdfSignatureValidator validator,
    EvidenceSealer sealer,
    ReceiptVerifier receipts,
    VerifyGate gate,
    Microsoft.Extensions.Options.IOptions<LimitsOptions> limits
) : WorkspacePage
{
    /// <summary>Evidences are a few kilobytes; a whole letter's array stays far below this.</summary>
    public const int MaxEvidenceBytes = 1024 * 1024;

    [BindProperty]
    public IFormFile? Letter { get; set; }

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public ValidationReport? Report { get; private set; }

    /// <summary>Set when the PDF given is a delivery receipt (it names receipt facts) rather than a letter.</summary>
    public ReceiptVerification? Receipt { get; private set; }

    /// <summary>Whether a letter with exactly these bytes was accepted here (null when no PDF was given).</summary>
    public bool? WasExchanged { get; private set; }

    public IReadOnlyList<EvidenceCheck>? EvidenceChecks { get; private set; }

    public bool NothingGiven { get; private set; }

    public bool IsEvidenceTooLarge { get; private set; }

    public long MaxFileMebibytes => validator.Options.MaxFileBytes / (1024 * 1024);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        NothingGiven = Letter is not { Length: > 0 } && Evidence is not { Length: > 0 };
        string? documentSha256 = null;
        if (Letter is { Length: > 0 })
        {
            // Anyone may check a letter here, so anyone's checks share a bounded part of the machine: a few run at
            // once, the rest wait a moment and are then told to come back; someone not logged in gets a smaller size
            // limit.
            using var slot = await gate.EnterAsync(cancellationToken);
            if (slot is null)
            {
                Response.Headers.RetryAfter = "10";
                return StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var anonymousLimit =
                User.Identity?.IsAuthenticated == true ? (long?)null : limits.Value.AnonymousVerifyBytes;
            var limit = Math.Min(validator.Options.MaxFileBytes, anonymousLimit ?? long.MaxValue);
            await using var stream = Letter.OpenReadStream();
            var (buffer, length, tooLarge) = await BoundedRead.ReadAsync(stream, limit, cancellationToken);
            var file = buffer.AsMemory(0, length);
            if (!tooLarge && ReceiptFacts.IsClaimedBy(file))
            {
                var receipt = await receipts.VerifyAsync(file, anonymousLimit, cancellationToken);
                // Only our seal makes a receipt: a file that names receipt facts under someone else's valid signature
                // is judged as the letter it is (its facts are never shown), so no sender can make a letter unprovable.
                if (receipt.Code != ReceiptCheckCodes.SealerUnexpected)
                {
                    Receipt = receipt;
                    return await EvidenceAsync(null, cancellationToken);
                }
            }

            var request = new ValidationRequest { MaxFileBytes = anonymousLimit };
            if (tooLarge)
            {
                await using var again = Letter.OpenReadStream();
                Report = await validator.ValidateAsync(again, request, cancellationToken);
            }
            else
            {
                Report = validator.Validate(file, request);
            }

            documentSha256 = Report.DocumentSha256;
            if (documentSha256 is null && Report.Code != ValidationCodes.FileTooLarge)
            {
                await using var again = Letter.OpenReadStream();
                documentSha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(again, cancellationToken));
            }

            // The signed bytes identify a letter even when someone re-encoded its signature value since.
            var signedContent = Report.SignedContentSha256 ?? "-";
            // A letter's attachment was exchanged here as much as the letter itself.
            WasExchanged = documentSha256 is null
                ? null
                : await db.Letters.AnyAsync(
                    l => l.DocumentSha256 == documentSha256 || l.SignedContentSha256 == signedContent,
                    cancellationToken
                )
                    || await db.LetterAttachments.AnyAsync(
                        a => a.DocumentSha256 == documentSha256 || a.SignedContentSha256 == signedContent,
                        cancellationToken
                    );
        }

        return await EvidenceAsync(documentSha256, cancellationToken);
    }

    private async Task<IActionResult> EvidenceAsync(string? documentSha256, CancellationToken cancellationToken)
    {
        if (Evidence is { Length: > 0 })
        {
            await using var stream = Evidence.OpenReadStream();
            var (buffer, length, tooLarge) = await BoundedRead.ReadAsync(stream, MaxEvidenceBytes, cancellationToken);
            IsEvidenceTooLarge = tooLarge;
            EvidenceChecks = tooLarge
                ? null
                : new EvidenceSealVerifier(validator, sealer.OwnCertificates).VerifyFile(
                    buffer.AsSpan(0, length),
                    documentSha256
                );
            Names = await NamesAsync(EvidenceChecks, cancellationToken);
        }

        return Page();
    }

    /// <summary>The directory's names of the organizations an evidence file names (by registry number).</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        IReadOnlyList<EvidenceCheck>? checks,
        CancellationToken cancellationToken
    )
    {
        var numbers = (checks ?? [])
            .SelectMany(c => new[] { c.Sender, c.Recipient })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(100)
            .ToList();
        return numbers.Count == 0
            ? new Dictionary<string, string>()
            : await db
                .Organizations.AsNoTracking()
                .Where(o => numbers.Contains(o.RegistryNumber))
                .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
    }
}
