using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests.Security;

/// <summary>
/// No account becomes more than it is: a service administrator is out of every agency admin's reach, an agency's
/// certificate is only ever its bound staff member, a disabled or changed user is out on the next request, a logged
/// out cookie stays out, and an executor acts only on the letters assigned to them.
/// </summary>
[TestClass]
public sealed partial class AccessHoleTests
{
    private static DemoPki Pki => TestPki.Pki;

    [TestMethod]
    public async Task An_agency_admin_neither_sees_nor_changes_the_service_administrator()
    {
        var factory = Factories.Shared("Sqlite");
        using var agencyAdmin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var serviceAdmin = await UserAsync(factory, "admin");

        var users = await agencyAdmin.GetJsonAsync("/api/agency/users");
        Assert.IsFalse(users.EnumerateArray().Any(u => u.GetProperty("userName").GetString() == "admin"));
        var reset = await agencyAdmin.Http.PutAsJsonAsync(
            $"/api/agency/users/{serviceAdmin.Id}",
            new { password = "taken over by an agency" }
        );
        await ProblemAssert.HasCodeAsync(reset, 404, "not_found");
        var grant = await agencyAdmin.Http.PostAsJsonAsync(
            "/api/agency/users",
            new
            {
                userName = $"esc-{Guid.NewGuid():N}"[..16],
                displayName = "x",
                roles = new[] { "service-admin" },
            }
        );
        await ProblemAssert.HasCodeAsync(grant, 400, "validation");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var home = await db.Organizations.SingleAsync(o => o.Id == serviceAdmin.OrganizationId);
        Assert.AreEqual(
            SmartOffice.Exchange.Organizations.OrganizationKind.Service,
            home.Kind,
            "service administrators belong to no agency"
        );
    }

    [TestMethod]
    public async Task An_agency_certificate_logs_in_only_as_its_bound_staff_member()
    {
        var factory = Factories.Shared("Sqlite");
        using var anonymous = new ApiSession(factory.CreateClient());
        await ProblemAssert.HasCodeAsync(
            await anonymous.CertificateLoginAsync(Pki.Agency.Certificate, Pki.Agency.Chain),
            401,
            "unauthorized"
        );

        var personal = AgencyCertificate("Бүртгэгдсэн ажилтан");
        var user = await AddStaffAsync(factory, personal);
        var bound = await anonymous.CertificateLoginAsync(personal.Certificate, personal.Chain);
        Assert.AreEqual(HttpStatusCode.OK, bound.StatusCode);
        Assert.AreEqual(user.Id.ToString(), Jwt.Claim(await bound.Content.ReadFromJsonAsync<JsonElement>(), "staff"));

        await SetDisabledAsync(factory, user.Id);
        await ProblemAssert.HasCodeAsync(
            await anonymous.CertificateLoginAsync(personal.Certificate, personal.Chain),
            401,
            "unauthorized"
        );
    }

    [TestMethod]
    public async Task A_staff_certificate_must_be_the_agencys_own_and_bound_to_one_user()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var company = Convert.ToBase64String(Pki.CompanyA.Certificate.RawData);
        var own = Convert.ToBase64String(AgencyCertificate("Шинэ ажилтан").Certificate.RawData);

        await ProblemAssert.HasCodeAsync(
            await admin.Http.PostAsJsonAsync("/api/agency/users", NewUser(company)),
            400,
            "validation"
        );
        await ProblemAssert.HasCodeAsync(
            await admin.Http.PostAsJsonAsync(
                "/api/agency/users",
                new
                {
                    userName = $"t-{Guid.NewGuid():N}"[..16],
                    displayName = "x",
                    certificateThumbprint = new string('A', 64),
                }
            ),
            400,
            "validation"
        );
        Assert.AreEqual(
            HttpStatusCode.Created,
            (await admin.Http.PostAsJsonAsync("/api/agency/users", NewUser(own))).StatusCode
        );
        await ProblemAssert.HasCodeAsync(
            await admin.Http.PostAsJsonAsync("/api/agency/users", NewUser(own)),
            409,
            "validation"
        );

        static object NewUser(string certificate) =>
            new
            {
                userName = $"c-{Guid.NewGuid():N}"[..16],
                displayName = "Ажилтан",
                roles = new[] { "executor" },
                certificate,
            };
    }

    [TestMethod]
    [DataRow("disable")]
    [DataRow("role")]
    [DataRow("password")]
    public async Task Disabling_a_user_or_changing_their_access_ends_their_token_on_the_next_request(string change)
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var userName = $"s-{Guid.NewGuid():N}"[..16];
        var created = await admin.Http.PostAsJsonAsync(
            "/api/agency/users",
            new
            {
                userName,
                displayName = "Түр ажилтан",
                roles = new[] { "registrar", "executor" },
                password = "long enough password",
            }
        );
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var member = await ApiSession.StaffAsync(factory, userName, "long enough password");
        Assert.AreEqual(HttpStatusCode.OK, (await member.Http.GetAsync("/api/inbox")).StatusCode);

        object update = change switch
        {
            "disable" => new { isDisabled = true },
            "role" => new { roles = new[] { "executor" } },
            _ => new { password = "another long password" },
        };
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await admin.Http.PutAsJsonAsync($"/api/agency/users/{id}", update)).StatusCode
        );

        await ProblemAssert.HasCodeAsync(await member.Http.GetAsync("/api/inbox"), 401, "unauthorized");
    }

    [TestMethod]
    public async Task A_logged_out_session_cookie_is_refused_even_when_kept()
    {
        var factory = Factories.Shared("Sqlite");
        using var client = factory.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }
        );
        var (token, antiforgeryCookie) = await FormTokenAsync(client, "/login", null);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Password")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = "bichig",
                    ["password"] = "demo",
                    ["__RequestVerificationToken"] = token,
                }
            ),
        };
        login.Headers.Add("Cookie", antiforgeryCookie);
        var session = SessionCookie(await client.SendAsync(login));
        Assert.AreEqual(HttpStatusCode.OK, (await GetAsync(client, "/inbox", session)).StatusCode);

        var (logoutToken, logoutCookie) = await FormTokenAsync(client, "/inbox", session);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = logoutToken }
            ),
        };
        logout.Headers.Add("Cookie", $"{session}; {logoutCookie}");
        Assert.AreEqual(HttpStatusCode.Redirect, (await client.SendAsync(logout)).StatusCode);

        var replay = await GetAsync(client, "/inbox", session);
        Assert.AreEqual(HttpStatusCode.Redirect, replay.StatusCode);
        StringAssert.Contains(replay.Headers.Location?.ToString(), "/login");
    }

    [TestMethod]
    public async Task An_executor_answers_or_closes_only_letters_assigned_to_them_and_only_registered_ones()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        using var executor = await ApiSession.StaffAsync(factory, "gantulga");
        using var head = await ApiSession.StaffAsync(factory, "dulguun");
        var id = await DeliveredAsync(company);

        await ProblemAssert.HasCodeAsync(
            await head.Http.PostAsJsonAsync($"/api/letters/{id}/close", new { reason = "not registered yet" }),
            409,
            "invalid_state"
        );
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await registrar.Http.PostAsync($"/api/letters/{id}/register", null)).StatusCode
        );
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await head.Http.PostAsJsonAsync($"/api/letters/{id}/assign", new { executor = "dulguun" })).StatusCode
        );

        await ProblemAssert.HasCodeAsync(
            await executor.Http.PostAsJsonAsync($"/api/letters/{id}/close", new { reason = "not mine" }),
            403,
            "forbidden"
        );
        await ProblemAssert.HasCodeAsync(
            await executor.Http.PostAsJsonAsync($"/api/letters/{id}/report", new { reason = "advertising" }),
            403,
            "forbidden"
        );
        await ProblemAssert.HasCodeAsync(
            await head.Http.PostAsJsonAsync($"/api/letters/{id}/close", new { reason = new string('x', 4001) }),
            400,
            "validation"
        );
        Assert.AreEqual(
            HttpStatusCode.OK,
            (
                await head.Http.PostAsJsonAsync($"/api/letters/{id}/close", new { reason = "answered by phone" })
            ).StatusCode
        );
    }

    private static DemoIdentity AgencyCertificate(string name) =>
        Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = $"{name} {Guid.NewGuid():N}"[..30],
                OrganizationName = "Нийслэлийн Засаг Даргын Тамгын Газар",
                RegistryNumber = "9011001",
            }
        );

    private static async Task<StaffUser> AddStaffAsync(ApiFactory factory, DemoIdentity certificate)
    {
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var created = await admin.Http.PostAsJsonAsync(
            "/api/agency/users",
            new
            {
                userName = $"b-{Guid.NewGuid():N}"[..16],
                displayName = certificate.Name,
                roles = new[] { "executor" },
                certificate = Convert.ToBase64String(certificate.Certificate.RawData),
            }
        );
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .StaffUsers.AsNoTracking()
            .SingleAsync(u => u.Id == id);
    }

    private static async Task SetDisabledAsync(ApiFactory factory, Guid id)
    {
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await admin.Http.PutAsJsonAsync($"/api/agency/users/{id}", new { isDisabled = true })).StatusCode
        );
    }

    private static async Task<StaffUser> UserAsync(ApiFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .StaffUsers.AsNoTracking()
            .SingleAsync(u => u.UserName == userName);
    }

    private static async Task<string> DeliveredAsync(ApiSession company)
    {
        var id = (await company.AcceptedAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString()!;
        for (
            var i = 0;
            i < 100
                && (await company.GetJsonAsync($"/api/letters/{id}"))
                    .GetProperty("recipients")[0]
                    .GetProperty("state")
                    .GetString() == "Queued";
            i++
        )
        {
            await Task.Delay(100);
        }

        return id;
    }

    private static async Task<(string Token, string Cookie)> FormTokenAsync(
        HttpClient client,
        string path,
        string? session
    )
    {
        var page = await GetAsync(client, path, session);
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var cookie = page.Headers.TryGetValues("Set-Cookie", out var values)
            ? string.Join(
                "; ",
                values
                    .Where(v => v.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase))
                    .Select(v => v.Split(';')[0])
            )
            : "";
        return (token, cookie);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", session);
        }

        return await client.SendAsync(request);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response
            .Headers.GetValues("Set-Cookie")
            .Select(v => v.Split(';')[0])
            .Single(v => v.StartsWith("so_session=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
