using System.Net;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The README's "Try it": the embedded default's demo trusts the sample PKI, so the sample letter is accepted.
/// </summary>
[TestClass]
public sealed class FirstTenMinutesTests
{
    [TestMethod]
    public async Task The_sample_letter_is_accepted_by_the_embedded_demo()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?>
            {
                ["Signing:TrustDir"] = "",
                ["Signing:CrlDir"] = "",
                ["Seal:CertificatePath"] = "",
                ["Seal:Password"] = "",
                ["Demo:Enabled"] = "true",
            }
        );
        using var client = factory.CreateClient();
        var demo = DemoPki.Load(Path.Combine(factory.DataPath, "pki"));
        using var company = await ApiSession.CompanyAsync(factory, demo.CompanyA);

        var sample = await File.ReadAllBytesAsync(
            Path.Combine(RepositoryRoot(), "samples", "letters", "letter-signed-company-a.pdf")
        );
        var response = await company.SubmitAsync(sample, ["9011001"], null, "Барилгын зөвшөөрөл");

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SmartOffice.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("the repository root (SmartOffice.sln)");
    }
}
