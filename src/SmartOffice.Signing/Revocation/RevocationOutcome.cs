namespace SmartOffice.Signing.Revocation;

/// <summary>Revocation status of a chain: Code is null (good), certificate_revoked or revocation_unknown.</summary>
internal sealed record RevocationOutcome(string? Code, string Detail, IReadOnlyList<string> Warnings);
