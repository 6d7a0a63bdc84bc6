using System.Security.Cryptography;

namespace SmartOffice.Signing;

/// <summary>
/// Computes the SHA-256 of the whole file (recorded for every letter) and the digest of the signed ranges
/// (checked against the signature) while reading the bytes as few times as possible: the two share the
/// prefix before the signature value, and for large files they run on two cores at once.
/// </summary>
internal static class DocumentDigests
{
    private const int ParallelThreshold = 1024 * 1024;

    public static (byte[] DocumentSha256, byte[] ContentDigest) Compute(ReadOnlyMemory<byte> file, int gapStart, int gapEnd, HashAlgorithmName contentHash)
    {
        if (file.Length >= ParallelThreshold)
        {
            var document = Task.Run(() => SHA256.HashData(file.Span));
            var content = HashRanges(file, gapStart, gapEnd, contentHash);
            return (document.GetAwaiter().GetResult(), content);
        }

        if (contentHash != HashAlgorithmName.SHA256)
        {
            return (SHA256.HashData(file.Span), HashRanges(file, gapStart, gapEnd, contentHash));
        }

        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        whole.AppendData(file.Span[..gapStart]);
        using var signedPart = whole.Clone();
        whole.AppendData(file.Span[gapStart..]);
        signedPart.AppendData(file.Span[gapEnd..]);
        return (whole.GetHashAndReset(), signedPart.GetHashAndReset());
    }

    private static byte[] HashRanges(ReadOnlyMemory<byte> file, int gapStart, int gapEnd, HashAlgorithmName hash)
    {
        using var incremental = IncrementalHash.CreateHash(hash);
        incremental.AppendData(file.Span[..gapStart]);
        incremental.AppendData(file.Span[gapEnd..]);
        return incremental.GetHashAndReset();
    }
}
