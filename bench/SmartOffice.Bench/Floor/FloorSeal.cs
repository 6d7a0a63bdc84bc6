using System.Security.Cryptography;
using System.Text.Json;

namespace SmartOffice.Bench.Floor;

/// <summary>
/// A sealed evidence at its least: the event as JSON and one ECDSA P-256 signature over those bytes (64 bytes, where
/// the product's detached CMS with its certificate chain is about 2 KB).
/// </summary>
internal sealed class FloorSeal : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public (string Json, byte[] Seal) Evidence(Guid letterId, string recipient, string @event, string sha256)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new FloorEvidence(Guid.NewGuid(), letterId, recipient, @event, sha256, DateTimeOffset.UtcNow)
        );
        return (System.Text.Encoding.UTF8.GetString(json), _key.SignData(json, HashAlgorithmName.SHA256));
    }

    public void Dispose() => _key.Dispose();

    private sealed record FloorEvidence(
        Guid EvidenceId,
        Guid LetterId,
        string Recipient,
        string Event,
        string DocumentSha256,
        DateTimeOffset EventTime
    );
}
