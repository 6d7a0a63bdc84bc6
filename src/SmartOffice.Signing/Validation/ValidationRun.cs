using System.Security.Cryptography;
using SmartOffice.Signing.Pdf;
using SmartOffice.Signing.Trust;

namespace SmartOffice.Signing;

/// <summary>
/// One validation of one file: runs DESIGN.md's checks in order, stops at the first refusal and records
/// every check that ran. Split over partial files by stage (structure, signature, certificate).
/// </summary>
internal sealed partial class ValidationRun
{
    private readonly ReadOnlyMemory<byte> _file;
    private readonly ValidationRequest _request;
    private readonly SignatureValidationOptions _options;
    private readonly TrustMaterial _trust;
    private readonly CertificatePathValidator _paths;
    private readonly DateTimeOffset _validationTime;
    private readonly List<ValidationCheck> _checks = [];
    private readonly List<string> _warnings = [];
    private string? _documentSha256;
    private string? _signedContentSha256;
    private SignerDetails? _signer;
    private DateTimeOffset? _claimedSigningTime;
    private TimestampDetails? _timestamp;
    private string? _digestAlgorithm;
    private string? _signatureAlgorithm;

    public ValidationRun(
        ReadOnlyMemory<byte> file,
        ValidationRequest request,
        SignatureValidationOptions options,
        TrustMaterial trust,
        CertificatePathValidator paths,
        TimeProvider time
    )
    {
        _file = file;
        _request = request;
        _options = options;
        _trust = trust;
        _paths = paths;
        _validationTime = request.ValidationTime ?? time.GetUtcNow();
    }

    public static ValidationReport TooLarge(long size, long limit, DateTimeOffset now)
    {
        var refusal = Refusals.TooLarge(size, limit);
        return new ValidationReport
        {
            Accepted = false,
            Indication = refusal.Indication,
            SubIndication = refusal.SubIndication,
            Code = refusal.Code,
            Message = refusal.Message,
            MessageMn = refusal.MessageMn,
            Checks = [new ValidationCheck(refusal.Check, false, refusal.Detail)],
            ValidatedAt = now,
        };
    }

    public ValidationReport Execute()
    {
        try
        {
            var refusal = Run();
            return refusal is null ? Accept() : Refuse(refusal);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect or an input nobody foresaw: refuse the file, never crash the caller.
            return Refuse(Refusals.Malformed($"the file could not be processed ({exception.GetType().Name})"));
        }
    }

    private Refusal? Run()
    {
        var limit = Math.Min(_options.MaxFileBytes, _request.MaxFileBytes ?? long.MaxValue);
        if (_file.Length > limit)
        {
            return Refusals.TooLarge(_file.Length, limit);
        }

        using var deadline = new CancellationTokenSource(_options.MaxValidationTime);
        var scan = PdfScanner.Scan(_file, new PdfScanLimits { Deadline = deadline.Token });
        return CheckStructure(scan) ?? CheckSignature(scan) ?? CheckCertificate(scan);
    }

    private void Pass(string check, string detail) => _checks.Add(new ValidationCheck(check, true, detail));

    private ValidationReport Accept()
    {
        var organization = _signer?.OrganizationName ?? _signer?.Subject;
        return Build(
            true,
            Indications.TotalPassed,
            null,
            ValidationCodes.Ok,
            $"The letter is signed by {organization} (registry number {_signer?.RegistryNumber}) and the signature "
                + $"is valid.",
            $"Бичигт {organization} (регистрийн дугаар {_signer?.RegistryNumber}) гарын үсэг зурсан бөгөөд гарын "
                + $"үсэг хүчинтэй байна."
        );
    }

    private ValidationReport Refuse(Refusal refusal)
    {
        _checks.Add(new ValidationCheck(refusal.Check, false, refusal.Detail));
        return Build(
            false,
            refusal.Indication,
            refusal.SubIndication,
            refusal.Code,
            refusal.Message,
            refusal.MessageMn
        );
    }

    private ValidationReport Build(
        bool accepted,
        string indication,
        string? subIndication,
        string code,
        string message,
        string messageMn
    ) =>
        new()
        {
            Accepted = accepted,
            Indication = indication,
            SubIndication = subIndication,
            Code = code,
            Message = message,
            MessageMn = messageMn,
            DocumentSha256 = _documentSha256 ?? Convert.ToHexStringLower(SHA256.HashData(_file.Span)),
            SignedContentSha256 = _signedContentSha256,
            Signer = _signer,
            ClaimedSigningTime = _claimedSigningTime,
            Timestamp = _timestamp,
            DigestAlgorithm = _digestAlgorithm,
            SignatureAlgorithm = _signatureAlgorithm,
            Checks = _checks,
            Warnings = _warnings,
            ValidatedAt = _validationTime,
        };
}
