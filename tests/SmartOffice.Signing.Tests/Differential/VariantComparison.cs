using SmartOffice.Signing.Pdf;

namespace SmartOffice.Signing.Tests.Differential;

/// <summary>
/// The rules one variant is judged by. Readers bind SmartOffice where they see something (a script, a
/// signature, encryption SmartOffice missed is a hole); what was planted binds it where readers are blind.
/// SmartOffice may be stricter than readers only where its design says so: /Encrypt in any trailer, not just
/// the newest; a /Sig no field points at still counts as a signature.
/// </summary>
internal static class VariantComparison
{
    public static List<string> Compare(Planted planted, PdfScanResult scan, ValidationReport report, ReaderView readers)
    {
        var problems = new List<string>();
        if (report.Accepted)
        {
            CheckAccepted(planted, readers, problems);
        }

        if (scan.ErrorCode is ValidationCodes.PdfMalformed or ValidationCodes.NotPdf)
        {
            // Refused: readers may disagree; only acceptance would be wrong, and report.Accepted is checked above.
            return problems;
        }

        if (planted.Hostile)
        {
            problems.Add("an object header hidden in a comment or stream was not refused as malformed");
        }

        var encrypted = scan.ErrorCode == ValidationCodes.PdfEncrypted;
        var readersEncrypted = readers.PopplerEncrypted == true || readers.QpdfEncrypted == true;
        var readersOpened = readers.PopplerEncrypted is not null || readers.QpdfEncrypted is not null;
        if (readersEncrypted && !encrypted)
        {
            problems.Add(
                $"poppler/qpdf say encrypted (poppler {readers.PopplerEncrypted}, qpdf {readers.QpdfEncrypted}); "
                    + $"SmartOffice read it as plain ({scan.ErrorCode ?? "no error"})"
            );
        }
        else if (encrypted && !readersEncrypted && readersOpened && planted.Encrypt != EncryptPlace.Older)
        {
            problems.Add("SmartOffice says encrypted; poppler and qpdf open it as not encrypted");
        }

        if (scan.ErrorCode is not null)
        {
            return problems;
        }

        CheckSignatures(planted, scan, readers, problems);
        CheckActiveContent(planted, scan, readers, problems);
        CheckObjects(planted, scan, readers, problems);
        return problems;
    }

    private static void CheckAccepted(Planted planted, ReaderView readers, List<string> problems)
    {
        if (readers.PopplerSignatures is { } signed && signed != 1)
        {
            problems.Add($"accepted as valid, but pdfsig lists {signed} signed signature field(s)");
        }

        if (readers.PopplerJavaScript == true)
        {
            problems.Add("accepted as valid, but pdfinfo -js prints JavaScript");
        }

        if (readers.PopplerEncrypted == true || readers.QpdfEncrypted == true)
        {
            problems.Add("accepted as valid, but poppler/qpdf say it is encrypted");
        }

        if (
            planted.Signatures != 1
            || planted.JavaScript != JavaScriptPlace.None
            || planted.Action is not null
            || planted.Encrypt != EncryptPlace.None
            || planted.Hostile
        )
        {
            problems.Add($"accepted as valid although the generator planted: {planted}");
        }
    }

    private static void CheckSignatures(Planted planted, PdfScanResult scan, ReaderView readers, List<string> problems)
    {
        if (readers.PopplerSignatures is { } signed && scan.ShownSignatureObjects.Count != signed)
        {
            problems.Add(
                $"pdfsig lists {signed} signed signature field(s); SmartOffice shows {scan.ShownSignatureObjects.Count}"
            );
        }

        if (readers.PopplerSignatures is { } listed && scan.Signatures.Count < listed)
        {
            problems.Add(
                $"pdfsig lists {listed} signed signature field(s); SmartOffice found only {scan.Signatures.Count} "
                    + $"signature dictionaries"
            );
        }

        if (scan.Signatures.Count != planted.Signatures || scan.ShownSignatureObjects.Count != planted.Shown)
        {
            problems.Add(
                $"planted {planted.Signatures} signature(s), {planted.Shown} in fields; SmartOffice found "
                    + $"{scan.Signatures.Count}, {scan.ShownSignatureObjects.Count} in fields"
            );
        }
    }

    private static void CheckActiveContent(
        Planted planted,
        PdfScanResult scan,
        ReaderView readers,
        List<string> problems
    )
    {
        var javaScript = scan.ActiveContent.Any(c => c.Contains("JavaScript", StringComparison.Ordinal));
        if (readers.PopplerJavaScript == true && !javaScript)
        {
            problems.Add("pdfinfo -js prints the script; SmartOffice found no JavaScript");
        }

        if (javaScript != (planted.JavaScript != JavaScriptPlace.None))
        {
            problems.Add($"JavaScript planted: {planted.JavaScript}; SmartOffice found JavaScript: {javaScript}");
        }

        if (
            planted.Action is { } action
            && !scan.ActiveContent.Any(c => action.Contains("/S /" + c.Split(' ')[0] + " ", StringComparison.Ordinal))
        )
        {
            problems.Add(
                $"planted the action {action}; SmartOffice reported only: {string.Join("; ", scan.ActiveContent)}"
            );
        }
    }

    // qpdf lists the objects the newest cross-reference reaches; SmartOffice counts every definition in every
    // revision. With one revision the two are the same set, so the counts must match; with several, an update
    // may redefine objects, so every object qpdf reaches must at least have been read (qpdf ≤ SmartOffice).
    private static void CheckObjects(Planted planted, PdfScanResult scan, ReaderView readers, List<string> problems)
    {
        if (readers.QpdfObjects is not { } objects)
        {
            return;
        }

        if (planted.Revisions == 1 && objects.Count != scan.ObjectCount)
        {
            problems.Add(
                $"qpdf reaches {objects.Count} objects; SmartOffice read {scan.ObjectCount} (one revision: they "
                    + $"must match)"
            );
        }
        else if (objects.Count > scan.ObjectCount)
        {
            problems.Add($"qpdf reaches {objects.Count} objects; SmartOffice read only {scan.ObjectCount}");
        }
    }
}
