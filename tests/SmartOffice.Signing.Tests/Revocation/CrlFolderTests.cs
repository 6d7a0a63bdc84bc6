using SmartOffice.Signing.Revocation;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Revocation;

/// <summary>
/// The service's CRL folder keeps one current CRL per issuer: a newer one replaces it, an older one is refused.
/// </summary>
[TestClass]
public sealed class CrlFolderTests
{
    [TestMethod]
    public void Keeps_only_the_newest_crl_of_each_issuer()
    {
        var pki = TestCorpus.Pki;
        var now = DateTimeOffset.UtcNow;
        var folder = Path.Combine(Path.GetTempPath(), "smartoffice-crlfolder-" + Guid.NewGuid().ToString("N"));
        var older = pki.IssueCrl(now.AddDays(-2), now.AddDays(5), [], number: 3);
        var newer = pki.IssueCrl(now.AddHours(-1), now.AddDays(7), [], number: 4);
        var root = pki.IssueCrl(now.AddHours(-1), now.AddDays(7), [], number: 1, issuer: pki.Root);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "legacy-name.crl"), older);

        Assert.AreEqual(CrlStoreOutcome.Stored, CrlFolder.Store(folder, newer));
        Assert.AreEqual(CrlStoreOutcome.KeptNewer, CrlFolder.Store(folder, older));
        Assert.AreEqual(CrlStoreOutcome.Stored, CrlFolder.Store(folder, root));
        Assert.AreEqual(CrlStoreOutcome.NotACrl, CrlFolder.Store(folder, [1, 2, 3]));

        var files = Directory.GetFiles(folder);
        Assert.HasCount(2, files, string.Join(", ", files.Select(Path.GetFileName)));
        CollectionAssert.Contains(
            files.Select(File.ReadAllBytes).Select(Convert.ToHexString).ToList(),
            Convert.ToHexString(newer)
        );
    }
}
