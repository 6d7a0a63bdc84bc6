using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Security;

/// <summary>
/// Generated from <see cref="AccessPolicy"/>: every mapped route has a row, and every row is called anonymously, as
/// each kind of caller, and as a disabled user, getting what the row says (API: 401 or 403; pages: the login or the
/// denied page). Routes name an unknown letter, so an admitted caller gets 404 or a validation problem, never 401/403.
/// </summary>
[TestClass]
public sealed class AccessPolicyTests
{
    private static readonly Guid Unknown = Guid.NewGuid();

    private static readonly Dictionary<string, Audience[]> Admits = new()
    {
        ["company"] = [Audience.Member, Audience.OrganizationOwner],
        ["bichig"] = [Audience.Member, Audience.Staff, Audience.Registrar, Audience.Reporter],
        ["gantulga"] = [Audience.Member, Audience.Staff, Audience.Executor],
        ["dulguun"] =
        [
            Audience.Member,
            Audience.Staff,
            Audience.Registrar,
            Audience.Executor,
            Audience.Reporter,
            Audience.Archivist,
        ],
        ["admin-9011001"] =
        [
            Audience.Member,
            Audience.Staff,
            Audience.Registrar,
            Audience.Executor,
            Audience.Archivist,
            Audience.AgencyAdmin,
            Audience.OrganizationOwner,
        ],
        ["admin"] = [Audience.Member, Audience.Staff, Audience.ServiceAdmin],
    };

    [TestMethod]
    public void Every_mapped_route_has_a_row_in_the_policy()
    {
        var factory = Factories.Shared("Sqlite");
        using var client = factory.CreateClient();
        var mapped = factory
            .Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
                (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m =>
                    (Method: m, Route: e.RoutePattern.RawText ?? "")
                )
            )
            .Distinct()
            .ToList();

        var missing = mapped
            .Where(r => !AccessPolicy.Rules.Any(rule => rule.Method == r.Method && rule.Route == r.Route))
            .ToList();
        Assert.IsEmpty(
            missing,
            "routes without a row in AccessPolicy: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Route}"))
        );
    }

    [TestMethod]
    public async Task Every_api_route_answers_each_caller_as_the_policy_says()
    {
        var factory = Factories.Shared("Sqlite");
        var callers = new Dictionary<string, HttpClient>
        {
            ["company"] = (await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA)).Http,
        };
        foreach (var staff in Admits.Keys.Where(k => k != "company"))
        {
            callers[staff] = (await ApiSession.StaffAsync(factory, staff)).Http;
        }

        using var anonymous = factory.CreateClient();
        var problems = new List<string>();
        foreach (var rule in AccessPolicy.Rules.Where(r => r.Route.StartsWith("api/", StringComparison.Ordinal)))
        {
            var anonymousStatus = await SendAsync(anonymous, rule);
            if (rule.Audience != Audience.Anyone && anonymousStatus != HttpStatusCode.Unauthorized)
            {
                problems.Add($"anonymous {rule.Method} {rule.Route}: {(int)anonymousStatus}, expected 401");
            }

            foreach (var (name, client) in callers)
            {
                if (rule.Audience == Audience.Anyone)
                {
                    // Login steps answer 401 to wrong credentials: any answer is theirs to give.
                    continue;
                }

                var status = await SendAsync(client, rule);
                var admitted = Admits[name].Contains(rule.Audience);
                if (admitted && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    problems.Add($"{name} {rule.Method} {rule.Route}: {(int)status}, expected admitted");
                }
                else if (!admitted && status != HttpStatusCode.Forbidden)
                {
                    problems.Add($"{name} {rule.Method} {rule.Route}: {(int)status}, expected 403");
                }
            }
        }

        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public async Task Every_page_sends_each_caller_where_the_policy_says()
    {
        var factory = Factories.Shared("Sqlite");
        var callers = new Dictionary<string, WorkspaceClient>
        {
            ["company"] = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA),
        };
        foreach (var staff in Admits.Keys.Where(k => k != "company"))
        {
            callers[staff] = await WorkspaceClient.StaffAsync(factory, staff);
        }

        using var anonymous = WorkspaceClient.Anonymous(factory);
        var problems = new List<string>();
        foreach (
            var rule in AccessPolicy.Rules.Where(r =>
                !r.Route.StartsWith("api/", StringComparison.Ordinal)
                && !r.Route.StartsWith("/hubs", StringComparison.Ordinal)
                && !r.Route.StartsWith("/health", StringComparison.Ordinal)
                && !r.Route.StartsWith("/openapi", StringComparison.Ordinal)
            )
        )
        {
            foreach (
                var method in new[] { HttpMethod.Get, HttpMethod.Post }.Where(m =>
                    rule.Method == "*" || rule.Method == m.Method
                )
            )
            {
                var seen = await WhereAsync(anonymous.Http, rule, method);
                if (rule.Audience != Audience.Anyone && seen != "login")
                {
                    problems.Add($"anonymous {method} /{rule.Route}: {seen}, expected login");
                }

                foreach (var (name, client) in callers)
                {
                    var where = await WhereAsync(client.Http, rule, method);
                    var admitted = rule.Audience == Audience.Anyone || Admits[name].Contains(rule.Audience);
                    if (admitted ? where is "login" or "denied" : where != "denied")
                    {
                        problems.Add(
                            $"{name} {method} /{rule.Route}: {where}, expected {(admitted ? "admitted" : "denied")}"
                        );
                    }
                }
            }
        }

        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public async Task A_disabled_users_token_opens_no_route()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await ApiSession.StaffAsync(factory, "admin-9011001");
        var userName = $"d-{Guid.NewGuid():N}"[..16];
        var created = await admin.Http.PostAsync(
            "/api/agency/users",
            Json(
                $"{{\"userName\":\"{userName}\",\"displayName\":\"x\","
                    + "\"roles\":[\"registrar\",\"executor\",\"head\"],\"password\":\"long enough password\"}"
            )
        );
        var id = System
            .Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync())
            .RootElement.GetProperty("id")
            .GetString();
        using var member = await ApiSession.StaffAsync(factory, userName, "long enough password");
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await admin.Http.PutAsync($"/api/agency/users/{id}", Json("{\"isDisabled\":true}"))).StatusCode
        );

        var problems = new List<string>();
        foreach (
            var rule in AccessPolicy.Rules.Where(r =>
                r.Route.StartsWith("api/", StringComparison.Ordinal) && r.Audience != Audience.Anyone
            )
        )
        {
            var status = await SendAsync(member.Http, rule);
            if (status != HttpStatusCode.Unauthorized)
            {
                problems.Add($"{rule.Method} {rule.Route}: {(int)status}");
            }
        }

        Assert.IsEmpty(problems, "a disabled user got in: " + string.Join(", ", problems));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, AccessRule rule)
    {
        using var request = new HttpRequestMessage(
            new HttpMethod(rule.Method == "*" ? "GET" : rule.Method),
            "/" + Path(rule.Route)
        );
        if (rule.Method is "POST" or "PUT")
        {
            // The letter route reads a multipart form (other content types are 415 before any login is looked at).
            request.Content = rule.Route == "api/letters/" ? new MultipartFormDataContent() : Json("{}");
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    // Where a page sends the caller: "login", "denied", or "admitted" (any other answer, a 404 for an unknown letter
    // included).
    private static async Task<string> WhereAsync(HttpClient client, AccessRule rule, HttpMethod method)
    {
        using var request = new HttpRequestMessage(method, "/" + Path(rule.Route));
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        var response = await client.SendAsync(request);
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && location.Contains("/login", StringComparison.Ordinal)
                ? "login"
            : response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && location.Contains("/denied", StringComparison.Ordinal)
                ? "denied"
            : "admitted";
    }

    private static string Path(string route) =>
        route
            .TrimStart('/')
            .Replace("{id:guid}", Unknown.ToString(), StringComparison.Ordinal)
            .Replace("{evidenceId:guid}", Unknown.ToString(), StringComparison.Ordinal)
            .Replace("{registryNumber}", "0000001", StringComparison.Ordinal)
            .Replace("{status:int}", "404", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{culture}", "en", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
