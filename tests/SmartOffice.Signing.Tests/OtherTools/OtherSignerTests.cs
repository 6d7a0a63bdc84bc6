using System.Text;
using System.Text.RegularExpressions;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.OtherTools;

/// <summary>
/// Letters made by LibreOffice and Ghostscript (Inputs/README.md), signed by pdfsig and @signpdf: the validator must
/// accept what other signers write, not only what PdfSigner writes, and still see a one-byte change to the signed
/// bytes.
/// </summary>
[TestClass]
public sealed class OtherSignerTests
{
    private const string CompanyARegistryNumber = "5123456";

    [ClassCleanup]
    public static void DeleteKeyStores() => OtherSigners.DeleteKeyStores();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Accepts_a_letter_signed_by_another_tool(string input, string signer)
    {
        var file = OtherSigners.Sign(input, signer);

        Assert.MatchesRegex(
            @"/SubFilter\s*/" + Regex.Escape(OtherSigners.SubFilters[signer]),
            Encoding.Latin1.GetString(file)
        );
        var report = TestCorpus.Validate(file, CompanyARegistryNumber);
        ReportAssert.Accepted(report);
        Assert.AreEqual(CompanyARegistryNumber, report.Signer?.RegistryNumber);
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Refuses_the_same_letter_with_one_signed_byte_changed(string input, string signer)
    {
        var file = OtherSigners.Sign(input, signer);

        var report = TestCorpus.Validate(WithProducerDigitChanged(file), CompanyARegistryNumber);
        ReportAssert.Refused(report, ValidationCodes.SignatureInvalid);
        // The digest over the signed bytes is what catches it, not a parse or structure check.
        Assert.AreEqual(SubIndications.HashFailure, report.SubIndication, report.Message);
    }

    public static IEnumerable<object[]> Cases =>
        from input in new[] { "letter-lo.pdf", "letter-gs.pdf" }
        from signer in OtherSigners.SubFilters.Keys
        select new object[] { input, signer };

    /// <summary>
    /// Changes one digit of the /Producer string (a literal or a hex string in these files): the file still parses
    /// and has the same structure, so only the digest over the signed bytes can tell.
    /// </summary>
    private static byte[] WithProducerDigitChanged(byte[] file)
    {
        var match = Regex.Match(Encoding.Latin1.GetString(file), @"/Producer\s*[(<][^0-9)>]*(?<digit>[0-9])");
        Assert.IsTrue(match.Success, "no digit in a /Producer string");
        var at = match.Groups["digit"].Index;
        var range = BytePatch.ByteRange(file);
        Assert.IsTrue(at < range[1] || at >= range[2], "the changed byte must lie inside the signed ranges");

        var copy = (byte[])file.Clone();
        copy[at] = (byte)('0' + ((copy[at] - '0' + 1) % 10));
        return copy;
    }
}
