using SmartOffice.Signing;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// The outcome of checking a receipt: its seal (the validator's report, and whether the signer is this service's
/// seal), the facts it states (only once the seal holds: an altered file's claims are never shown as facts) and how
/// they compare with our records.
/// </summary>
public sealed record ReceiptVerification
{
    /// <summary>The PAdES signature's validation, with the service's seal allowed as the signer.</summary>
    public required ValidationReport Report { get; init; }

    /// <summary>One of <see cref="ReceiptCheckCodes"/>, or the validation code of a signature that failed.</summary>
    public required string Code { get; init; }

    public bool IsValid => Code == ReceiptCheckCodes.Ok;

    /// <summary>The sealing certificate's common name, when the signature was read.</summary>
    public string? SealedBy { get; init; }

    /// <summary>What the receipt states; null unless <see cref="IsValid"/>.</summary>
    public DeliveryReceipt? Facts { get; init; }

    /// <summary>How the facts compare with our records; null unless <see cref="IsValid"/>.</summary>
    public ReceiptRecordCheck? Records { get; init; }
}

/// <summary>
/// A valid receipt against the records: <see cref="Differences"/> lists what disagrees
/// (<see cref="ReceiptCheckCodes"/>); <see cref="LaterSteps"/> counts the steps recorded since it was issued, which
/// the receipt cannot know.
/// </summary>
public sealed record ReceiptRecordCheck(IReadOnlyList<string> Differences, int LaterSteps)
{
    public bool Agrees => Differences.Count == 0;
}

/// <summary>Stable codes of a receipt check, beside the validation codes of its signature.</summary>
public static class ReceiptCheckCodes
{
    /// <summary>Sealed by this service, unchanged, with facts that read.</summary>
    public const string Ok = "ok";

    /// <summary>A valid signature by someone else than this service's seal (current or former).</summary>
    public const string SealerUnexpected = "sealer_unexpected";

    /// <summary>Sealed by us, but the facts inside do not read as receipt facts.</summary>
    public const string FactsMalformed = "receipt_malformed";

    /// <summary>The letter the receipt names is not in our records.</summary>
    public const string LetterMissing = "letter_missing";

    /// <summary>The records name another sender, recipient or document than the receipt.</summary>
    public const string PartiesDiffer = "parties_differ";

    public const string DocumentDiffers = "document_differs";

    /// <summary>A step the receipt lists is not in the records, or is there with another event or time.</summary>
    public const string StepDiffers = "step_differs";

    /// <summary>The recipient's incoming number in the records is not the one the receipt states.</summary>
    public const string IncomingNumberDiffers = "incoming_number_differs";
}
