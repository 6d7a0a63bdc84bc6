using System.Net;
using System.Net.Http.Json;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Certificate login: one account per company, proved by its signing certificate; staff password login.
/// </summary>
[TestClass]
public sealed class AuthTests
{
    private static DemoPki Pki => TestPki.Pki;

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Any_certificate_of_a_company_reaches_its_one_account(string provider)
    {
        var factory = Factories.Shared(provider);
        var registryNumber = NewRegistryNumber();
        var first = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Director",
                OrganizationName = "Шинэ Компани ХХК",
                RegistryNumber = registryNumber,
            }
        );
        var second = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Accountant",
                OrganizationName = "Шинэ Компани ХХК",
                RegistryNumber = registryNumber,
                KeyType = DemoKeyType.EcdsaP256,
            }
        );

        using var a = await ApiSession.CompanyAsync(factory, first);
        using var b = await ApiSession.CompanyAsync(factory, second);

        Assert.AreEqual(registryNumber, a.Token.GetProperty("organization").GetProperty("registryNumber").GetString());
        Assert.IsNotNull(Jwt.Claim(a.Token, "acct"));
        Assert.AreEqual(Jwt.Claim(a.Token, "acct"), Jwt.Claim(b.Token, "acct"));
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Concurrent_first_logins_create_exactly_one_account(string provider)
    {
        var factory = Factories.Shared(provider);
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Director",
                OrganizationName = "Зэрэг Компани ХХК",
                RegistryNumber = NewRegistryNumber(),
            }
        );

        var sessions = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => ApiSession.CompanyAsync(factory, identity))
        );

        Assert.HasCount(1, sessions.Select(s => Jwt.Claim(s.Token, "acct")).Distinct().ToList());
        using var admin = await ApiSession.StaffAsync(factory, "admin");
        var accounts = await admin.GetJsonAsync("/api/admin/accounts");
        Assert.AreEqual(
            1,
            accounts.EnumerateArray().Count(a => a.GetProperty("registryNumber").GetString() == identity.RegistryNumber)
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_second_account_for_a_registry_number_is_account_exists(string provider)
    {
        var factory = Factories.Shared(provider);
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        using var admin = await ApiSession.StaffAsync(factory, "admin");

        var response = await admin.Http.PostAsJsonAsync("/api/admin/accounts", new { registryNumber = "5123456" });
        await ProblemAssert.HasCodeAsync(response, 409, "account_exists");
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_certificate_without_an_organization_identifier_gets_no_account(string provider)
    {
        using var session = new ApiSession(Factories.Shared(provider).CreateClient());
        var response = await session.CertificateLoginAsync(Pki.NoOrganization.Certificate, Pki.NoOrganization.Chain);
        await ProblemAssert.HasCodeAsync(response, 401, "signer_org_missing");
    }

    [TestMethod]
    [DataRow("Untrusted", "certificate_untrusted")]
    [DataRow("Revoked", "certificate_revoked")]
    [DataRow("Expired", "certificate_expired")]
    public async Task A_certificate_that_fails_the_letter_rules_cannot_log_in(string which, string code)
    {
        var identity = which switch
        {
            "Untrusted" => Pki.Untrusted,
            "Revoked" => Pki.Revoked,
            _ => Pki.Expired,
        };
        using var session = new ApiSession(Factories.Shared("Sqlite").CreateClient());
        var response = await session.CertificateLoginAsync(identity.Certificate, identity.Chain);
        var problem = await ProblemAssert.HasCodeAsync(response, 401, code);
        Assert.IsTrue(problem.TryGetProperty("report", out _));
    }

    [TestMethod]
    public async Task A_challenge_is_single_use()
    {
        using var session = new ApiSession(Factories.Shared("Sqlite").CreateClient());
        var nonce = await session.NewNonceAsync();
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await session.CertificateLoginAsync(Pki.CompanyA.Certificate, Pki.CompanyA.Chain, nonce)).StatusCode
        );

        await ProblemAssert.HasCodeAsync(
            await session.CertificateLoginAsync(Pki.CompanyA.Certificate, Pki.CompanyA.Chain, nonce),
            401,
            "unauthorized"
        );
    }

    [TestMethod]
    public async Task A_challenge_expires()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Auth:ChallengeLifetimeSeconds"] = "1" }
        );
        using var session = new ApiSession(factory.CreateClient());
        var nonce = await session.NewNonceAsync();
        await Task.Delay(1500);

        await ProblemAssert.HasCodeAsync(
            await session.CertificateLoginAsync(Pki.CompanyA.Certificate, Pki.CompanyA.Chain, nonce),
            401,
            "unauthorized"
        );
    }

    [TestMethod]
    public async Task A_signature_over_another_nonce_is_refused()
    {
        using var session = new ApiSession(Factories.Shared("Sqlite").CreateClient());
        var nonce = await session.NewNonceAsync();
        var response = await session.Http.PostAsJsonAsync(
            "/api/auth/token",
            new { nonce, signature = ApiSession.SignNonce("another", Pki.CompanyA.Certificate, Pki.CompanyA.Chain) }
        );
        await ProblemAssert.HasCodeAsync(response, 401, "unauthorized");
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Agency_staff_log_in_with_a_password_and_get_their_roles(string provider)
    {
        using var session = await ApiSession.StaffAsync(Factories.Shared(provider), "bichig");
        Assert.AreEqual("9011001", session.Token.GetProperty("organization").GetProperty("registryNumber").GetString());
        Assert.AreEqual("registrar", session.Token.GetProperty("roles")[0].GetString());

        using var client = Factories.Shared(provider).CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "bichig", password = "wrong" });
        await ProblemAssert.HasCodeAsync(wrong, 401, "unauthorized");
    }

    internal static string NewRegistryNumber() =>
        Random.Shared.Next(2_000_000, 4_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
