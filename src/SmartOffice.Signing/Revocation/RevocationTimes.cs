namespace SmartOffice.Signing.Revocation;

/// <summary>
/// The times a revocation check depends on. <see cref="Reference"/>: the certificate must not be revoked
/// before it (the trusted timestamp's time, otherwise the validation time). <see cref="Signature"/>: revocation
/// data the letter carries counts only when issued after it (the timestamp's time, otherwise the claimed
/// signing time), as PAdES-LT data is: the sender chose that data, so older data proves nothing.
/// </summary>
internal sealed record RevocationTimes(DateTimeOffset Validation, DateTimeOffset Reference, DateTimeOffset Signature);
