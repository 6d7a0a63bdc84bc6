using System.Net;
using System.Net.Http.Json;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Api.Tests.Workspace;

namespace SmartOffice.Api.Tests.Security;

/// <summary>
/// Guessing passwords gets slow for an account and stops for an address; the public verifier has a smaller size limit.
/// </summary>
[TestClass]
public sealed class LoginAndVerifyLimitTests
{
    [TestMethod]
    public async Task An_account_waits_after_five_wrong_passwords_even_for_the_right_one()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var userName = $"l-{Guid.NewGuid():N}"[..16];
        Assert.AreEqual(
            HttpStatusCode.Created,
            (
                await admin.Http.PostAsJsonAsync(
                    "/api/agency/users",
                    new
                    {
                        userName,
                        displayName = "Түгжигдэх",
                        roles = new[] { "registrar" },
                        password = "the right password",
                    }
                )
            ).StatusCode
        );
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await ProblemAssert.HasCodeAsync(
                await client.PostAsJsonAsync("/api/auth/login", new { userName, password = $"guess {i}" }),
                401,
                "unauthorized"
            );
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "the right password" });
        var problem = await ProblemAssert.HasCodeAsync(locked, 401, "unauthorized");
        var unknown = await ProblemAssert.HasCodeAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody-" + userName, password = "x" }),
            401,
            "unauthorized"
        );
        Assert.AreEqual(
            unknown.GetProperty("detail").GetString(),
            problem.GetProperty("detail").GetString(),
            "a guesser learns nothing from the answer"
        );
    }

    [TestMethod]
    public async Task An_address_with_too_many_wrong_passwords_is_refused()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Limits:PasswordFailuresPerAddress"] = "3" }
        );
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await ProblemAssert.HasCodeAsync(
                await client.PostAsJsonAsync("/api/auth/login", new { userName = "bichig", password = $"guess {i}" }),
                401,
                "unauthorized"
            );
        }

        await ProblemAssert.HasCodeAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "bichig", password = "demo" }),
            429,
            "rate_limited"
        );
    }

    [TestMethod]
    public async Task The_public_verifier_checks_smaller_files_for_someone_not_logged_in()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Limits:AnonymousVerifyBytes"] = "10000" }
        );
        using var anyone = WorkspaceClient.Anonymous(factory);

        var html = await VerifyPageTests.VerifyAsync(anyone, TestPki.SignedLetter(TestPki.Pki.CompanyA), null);
        StringAssert.Contains(html, "data-code=\"file_too_large\"");
    }
}
