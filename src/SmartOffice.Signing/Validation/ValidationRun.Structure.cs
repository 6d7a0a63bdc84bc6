using System.Text;
using System.Text.RegularExpressions;
using SmartOffice.Signing.Pdf;

namespace SmartOffice.Signing;

/// <summary>Format, signature count, byte range and after-signing checks: all decided from the raw bytes.</summary>
internal sealed partial class ValidationRun
{
    private PdfSignatureDictionary? _signature;

    private Refusal? CheckStructure(PdfScanResult scan)
    {
        switch (scan.ErrorCode)
        {
            case null:
                break;
            case ValidationCodes.NotPdf:
                return Refusals.NotPdf(scan.ErrorDetail ?? "no PDF header");
            case ValidationCodes.PdfEncrypted:
                return Refusals.Encrypted();
            default:
                return Refusals.Malformed(scan.ErrorDetail ?? "unreadable structure");
        }

        Pass(CheckNames.Format, $"a PDF of {_file.Length} bytes in {Math.Max(scan.RevisionEnds.Count, 1)} revision(s)");
        var signatures = scan.Signatures;
        if (signatures.Count == 0 || (signatures.Count == 1 && signatures[0].Type == "DocTimeStamp"))
        {
            return Refusals.SignatureMissing();
        }

        if (signatures.Count > 1)
        {
            var where = string.Join(
                ", ",
                signatures
                    .Take(5)
                    .Select(s =>
                        $"object {s.ObjectNumber} {s.Generation}{(s.IsInObjectStream ? " in an object stream" : "")}"
                    )
            );
            return Refusals.SignatureMultiple(signatures.Count, where);
        }

        _signature = signatures[0];
        var shown = scan.ShownSignatureObjects.Count(n => n == _signature.ObjectNumber);
        if (shown == 0)
        {
            return Refusals.SignatureNotShown(_signature.ObjectNumber);
        }

        if (scan.ShownSignatureObjects.Count > 1)
        {
            return Refusals.SignatureMultiple(
                scan.ShownSignatureObjects.Count,
                $"{shown} signature fields show object {_signature.ObjectNumber}"
            );
        }

        Pass(CheckNames.SignatureCount, $"one signature, object {_signature.ObjectNumber} {_signature.Generation}");
        return CheckByteRange(_signature, scan);
    }

    private Refusal? CheckByteRange(PdfSignatureDictionary signature, PdfScanResult scan)
    {
        long length = _file.Length;
        if (signature.HasDuplicateKeys)
        {
            return Refusals.NotCovering(
                $"the signature dictionary (object {signature.ObjectNumber}) repeats a key, so what is signed is "
                    + $"ambiguous"
            );
        }

        if (signature.ByteRange is not { Count: 4 } range)
        {
            return Refusals.NotCovering("the /ByteRange is missing or is not four integers");
        }

        var (start1, length1, start2, length2) = (range[0], range[1], range[2], range[3]);
        if (start1 != 0 || length1 <= 0 || start2 <= length1 || length2 < 0 || start2 + length2 > length)
        {
            return Refusals.NotCovering(
                $"the /ByteRange [{start1} {length1} {start2} {length2}] does not describe the file of {length} "
                    + $"bytes (it must be [0 a b c] with a < b and b + c = file length)"
            );
        }

        if (signature.ContentsStart != length1 || signature.ContentsEnd != start2)
        {
            var contents = signature.ContentsStart is null
                ? "not a hex string written in the file"
                : $"at bytes {signature.ContentsStart}–{signature.ContentsEnd}";
            return Refusals.NotCovering(
                $"the unsigned gap (bytes {length1}–{start2}) is not exactly the signature's /Contents ({contents})"
            );
        }

        var signedEnd = start2 + length2;
        if (signedEnd < length)
        {
            return EndsARevision(signedEnd)
                ? Refusals.ModifiedAfterSigning(DescribeAddedBytes(signedEnd))
                : Refusals.NotCovering($"the signed range ends at byte {signedEnd} but the file has {length} bytes");
        }

        Pass(
            CheckNames.ByteRange,
            $"[0 {length1} {start2} {length2}] covers all {length} bytes except the signature value"
        );
        Pass(
            CheckNames.NoChangesAfterSigning,
            $"nothing follows the signed revision ({scan.RevisionEnds.Count} revision(s), the last one signed)"
        );
        return null;
    }

    private bool EndsARevision(long end)
    {
        var head = _file.Span[..(int)end];
        head = head.TrimEnd("\r\n"u8);
        return head.EndsWith("%%EOF"u8);
    }

    private string DescribeAddedBytes(long signedEnd)
    {
        var tail = _file.Span[(int)signedEnd..];
        var sample = Encoding.Latin1.GetString(tail[..Math.Min(tail.Length, 256 * 1024)]);
        var objects = ObjectHeader()
            .Matches(sample)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
            .Distinct()
            .Take(10)
            .ToList();
        return objects.Count > 0
            ? $"{tail.Length} bytes were added after the signed revision, defining object(s) "
                + $"{string.Join(", ", objects)}"
            : $"{tail.Length} byte(s) were added after the signed revision";
    }

    [GeneratedRegex(
        @"(?<![0-9])([0-9]{1,10})\s+([0-9]{1,5})\s+obj\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000
    )]
    private static partial Regex ObjectHeader();
}
