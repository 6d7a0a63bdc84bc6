using System.Security.Cryptography;

namespace SmartOffice.Signing;

/// <summary>
/// Computes the SHA-256 of the whole file (recorded for every letter), the digest of the signed ranges
/// (checked against the signature) and their SHA-256 (the letter's identity: nobody can change it without
/// breaking the signature, while the /Contents hex can be re-encoded) while reading the bytes as few times
/// as possible: the digests share the prefix before the signature value, and large files use two cores.
/// </summary>
internal static class DocumentDigests
{
    private const int ParallelThreshold = 1024 * 1024;

    public static (byte[] DocumentSha256, byte[] ContentDigest, byte[] SignedContentSha256) Compute(
        ReadOnlyMemory<byte> file,
        int gapStart,
        int gapEnd,
        HashAlgorithmName contentHash
    )
    {
        if (contentHash != HashAlgorithmName.SHA256)
        {
            var signedSha256 = HashRanges(file, gapStart, gapEnd, HashAlgorithmName.SHA256);
            return (SHA256.HashData(file.Span), HashRanges(file, gapStart, gapEnd, contentHash), signedSha256);
        }

        if (file.Length >= ParallelThreshold)
        {
            var document = Task.Run(() => SHA256.HashData(file.Span));
            var content = HashRanges(file, gapStart, gapEnd, contentHash);
            return (document.GetAwaiter().GetResult(), content, content);
        }

        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        whole.AppendData(file.Span[..gapStart]);
        using var signedPart = whole.Clone();
        whole.AppendData(file.Span[gapStart..]);
        signedPart.AppendData(file.Span[gapEnd..]);
        var signed = signedPart.GetHashAndReset();
        return (whole.GetHashAndReset(), signed, signed);
    }

    private static byte[] HashRanges(ReadOnlyMemory<byte> file, int gapStart, int gapEnd, HashAlgorithmName hash)
    {
        using var incremental = IncrementalHash.CreateHash(hash);
        incremental.AppendData(file.Span[..gapStart]);
        incremental.AppendData(file.Span[gapEnd..]);
        return incremental.GetHashAndReset();
    }
}
