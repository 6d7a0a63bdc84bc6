using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Agency admins manage their staff; service admins manage the trust list and CRLs without a restart.
/// </summary>
[TestClass]
public sealed class AdministrationTests
{
    private static DemoPki Pki => TestPki.Pki;

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task An_agency_admin_adds_staff_who_log_in_by_password_or_by_their_own_certificate(string provider)
    {
        var factory = Factories.Shared(provider);
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var personal = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Мэргэжилтэн Сараа",
                OrganizationName = "Нийслэлийн Засаг Даргын Тамгын Газар",
                RegistryNumber = "9011001",
            }
        );
        var userName = $"saraa-{Guid.NewGuid():N}"[..16];
        var created = await admin.Http.PostAsJsonAsync(
            "/api/agency/users",
            new
            {
                userName,
                displayName = "Мэргэжилтэн Сараа",
                roles = new[] { "executor" },
                password = "correct horse battery",
                certificate = Convert.ToBase64String(personal.Certificate.RawData),
            }
        );
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());

        using var client = factory.CreateClient();
        var byPassword = await client.PostAsJsonAsync(
            "/api/auth/login",
            new { userName, password = "correct horse battery" }
        );
        Assert.AreEqual(HttpStatusCode.OK, byPassword.StatusCode);
        using var byCertificate = new ApiSession(factory.CreateClient());
        var token = await (
            await byCertificate.CertificateLoginAsync(personal.Certificate, personal.Chain)
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("executor", token.GetProperty("roles")[0].GetString());
        Assert.IsNotNull(Jwt.Claim(token, "staff"));
    }

    [TestMethod]
    public async Task Staff_without_the_admin_role_cannot_manage_users_and_roles_are_checked()
    {
        var factory = Factories.Shared("Sqlite");
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        await ProblemAssert.HasCodeAsync(await clerk.Http.GetAsync("/api/agency/users"), 403, "forbidden");

        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var escalate = await admin.Http.PostAsJsonAsync(
            "/api/agency/users",
            new
            {
                userName = "sneaky",
                displayName = "x",
                roles = new[] { "service-admin" },
            }
        );
        await ProblemAssert.HasCodeAsync(escalate, 400, "validation");
    }

    [TestMethod]
    public async Task A_new_trust_anchor_and_its_crl_take_effect_without_a_restart()
    {
        using var factory = new ApiFactory("Sqlite", OwnTrustFolders());
        using var login = new ApiSession(factory.CreateClient());
        await ProblemAssert.HasCodeAsync(
            await login.CertificateLoginAsync(Pki.Untrusted.Certificate, Pki.Untrusted.Chain),
            401,
            "certificate_untrusted"
        );

        using var admin = await ApiSession.StaffAsync(factory, "admin");
        Assert.AreEqual(
            HttpStatusCode.OK,
            (
                await admin.Http.PostAsync(
                    "/api/admin/trust/anchors",
                    new StringContent(Pki.UntrustedRoot.ExportCertificatePem())
                )
            ).StatusCode
        );
        Assert.AreEqual(
            HttpStatusCode.OK,
            (
                await admin.Http.PostAsync(
                    "/api/admin/trust/crls",
                    new ByteArrayContent(Crl(Pki.UntrustedRoot, DateTimeOffset.UtcNow.AddDays(7)))
                )
            ).StatusCode
        );

        var after = await login.CertificateLoginAsync(Pki.Untrusted.Certificate, Pki.Untrusted.Chain);
        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode, await after.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Crls_are_fetched_from_distribution_urls_the_admin_adds()
    {
        var folders = OwnTrustFolders();
        foreach (var crl in Directory.GetFiles(folders["Signing:CrlDir"]!))
        {
            File.Delete(crl);
        }

        using var factory = new ApiFactory("Sqlite", folders);
        using var login = new ApiSession(factory.CreateClient());
        await ProblemAssert.HasCodeAsync(
            await login.CertificateLoginAsync(Pki.CompanyA.Certificate, Pki.CompanyA.Chain),
            401,
            "revocation_unknown"
        );

        using var admin = await ApiSession.StaffAsync(factory, "admin");
        var url = new Uri(Path.Combine(TestPki.Folder, "crl", "issuing-ca.crl")).AbsoluteUri;
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await admin.Http.PostAsJsonAsync("/api/admin/trust/crl-urls", new { url })).StatusCode
        );

        Assert.AreEqual(
            HttpStatusCode.OK,
            (await login.CertificateLoginAsync(Pki.CompanyA.Certificate, Pki.CompanyA.Chain)).StatusCode
        );
    }

    [TestMethod]
    public async Task A_stale_crl_shows_on_the_readiness_endpoint()
    {
        var folders = OwnTrustFolders();
        await File.WriteAllBytesAsync(
            Path.Combine(folders["Signing:CrlDir"]!, "stale.crl"),
            Crl(Pki.Intermediate, DateTimeOffset.UtcNow.AddHours(-1))
        );
        using var factory = new ApiFactory("Sqlite", folders);
        using var client = factory.CreateClient();

        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        var check = ready.GetProperty("checks").GetProperty("crl-freshness");
        Assert.AreEqual("Degraded", check.GetProperty("status").GetString());
        StringAssert.Contains(check.GetProperty("description").GetString(), "stale");
    }

    private static Dictionary<string, string?> OwnTrustFolders()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-trust-").FullName;
        foreach (var sub in new[] { "trust", "crl" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
            foreach (var file in Directory.GetFiles(Path.Combine(TestPki.Folder, sub)))
            {
                File.Copy(file, Path.Combine(folder, sub, Path.GetFileName(file)));
            }
        }

        return new()
        {
            ["Signing:TrustDir"] = Path.Combine(folder, "trust"),
            ["Signing:CrlDir"] = Path.Combine(folder, "crl"),
        };
    }

    private static byte[] Crl(X509Certificate2 issuer, DateTimeOffset nextUpdate) =>
        new CertificateRevocationListBuilder().Build(
            issuer,
            BigInteger.One,
            nextUpdate,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1,
            nextUpdate.AddDays(-8)
        );
}
