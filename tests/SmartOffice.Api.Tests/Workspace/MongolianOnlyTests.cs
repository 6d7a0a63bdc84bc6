using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing.Demo;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// The Mongolian interface speaks Mongolian: every page each role can open, and every form error a clerk can
/// provoke, read as a person or a screen reader would (text, plus the attributes that are shown or announced), holds
/// no Latin-script word once data (numbers, hashes, addresses, file names) and a few technical names are set aside.
/// </summary>
[TestClass]
public sealed partial class MongolianOnlyTests
{
    /// <summary>
    /// Latin words the Mongolian interface keeps on purpose, each for a reason; anything else is an untranslated
    /// string. Compared case-insensitively.
    /// </summary>
    private static readonly HashSet<string> s_allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        // The product's name, a proper noun.
        "SmartOffice",
        // File formats and standards clerks see on their files and in their e-Token's software.
        "PDF",
        "PAdES",
        "CSV",
        "JSON",
        "X.509",
        "PEM",
        "DER",
        "SHA-256",
        "PKI",
        "CRL",
        "OCSP",
        // The hardware the company signs with is sold under this name in Mongolia.
        "e-Token",
        // Integrator words with no settled Mongolian term: the integrator looks for these names in the API docs.
        "API",
        "webhook",
        "http",
        "https",
        "URL",
        // The key's name as printed on the keyboard.
        "Enter",
        // The service admin's page names the message broker the operator runs, and the readiness value the
        // monitoring shows verbatim.
        "RabbitMQ",
        "Degraded",
        // A command typed as written.
        "smartoffice evidence verify",
    };

    /// <summary>
    /// Data the test itself put on the pages: the demo certificates' names (the signer and issuer a letter shows), what
    /// the forms were given, the demo staff's user names, and the service's own registry number.
    /// </summary>
    private static readonly string[] s_data =
    [
        .. TestPki
            .Pki.Identities.Select(i => i.Identity.Certificate)
            .Concat([TestPki.Pki.Root, TestPki.Pki.Intermediate])
            .Select(c => c.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false))
            .OrderByDescending(n => n.Length),
        "abc",
        "superuser",
        "nobody",
        "bichig",
        "gantulga",
        "dulguun",
        "admin",
        "SERVICE",
    ];

    private static readonly string[] s_visibleAttributes =
    [
        "aria-label",
        "title",
        "placeholder",
        "alt",
        // Shown by CSS as the label of a table cell on a phone.
        "data-label",
        // Phrases the page's script shows (page counter, live notices).
        "data-format",
        "data-msg-updated",
        "data-msg-arrived",
    ];

    [TestMethod]
    public async Task Every_page_and_form_error_speaks_mongolian_outside_data()
    {
        using var factory = new ApiFactory("Sqlite");
        _ = factory.Server;
        var findings = new List<string>();
        var id = await LetterPageTests.DeliveredLetterAsync(factory, "Барилгын зөвшөөрөл хүсэх тухай");

        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        using var executor = await WorkspaceClient.StaffAsync(factory, "gantulga");
        using var head = await WorkspaceClient.StaffAsync(factory, "dulguun");
        using var agencyAdmin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        using var serviceAdmin = await WorkspaceClient.StaffAsync(factory, "admin");
        using var anonymous = WorkspaceClient.Anonymous(factory);

        await ReadAsync(anonymous, "/login", findings);
        await ReadAsync(anonymous, "/verify", findings);
        await ReadAsync(anonymous, "/error/404", findings);
        await ReadAsync(anonymous, "/denied", findings);
        foreach (var (name, client) in new[] { ("registrar", registrar), ("executor", executor), ("head", head) })
        {
            foreach (var tab in ReceivedFilter.AgencyTabs)
            {
                await ReadAsync(client, $"/inbox?tab={tab}", findings, label: name);
            }

            await ReadAsync(client, "/send", findings, label: name);
            await ReadAsync(client, "/outbox", findings, label: name);
            await ReadAsync(client, "/stats", findings, label: name);
            await ReadAsync(client, "/stats/city", findings, label: name);
            await ReadAsync(client, "/verify", findings, label: name);
            await ReadAsync(client, $"/letters/{id}", findings, label: name);
        }

        foreach (var tab in ReceivedFilter.CompanyTabs)
        {
            await ReadAsync(company, $"/inbox?tab={tab}", findings, label: "company");
        }

        foreach (var path in new[] { "/send", "/outbox", "/verify", $"/letters/{id}" })
        {
            await ReadAsync(company, path, findings, label: "company");
        }

        await ReadAsync(agencyAdmin, "/agency", findings);
        await ReadAsync(agencyAdmin, $"/agency/users/{await StaffIdAsync(factory, "gantulga")}", findings);
        foreach (var show in new[] { "flagged", "suspended", "all" })
        {
            await ReadAsync(serviceAdmin, $"/admin?show={show}", findings);
        }

        await ClerkErrorsAsync(id, registrar, executor, head, findings);
        await SendErrorsAsync(company, findings);
        await AgencyErrorsAsync(factory, agencyAdmin, findings);
        await AdminErrorsAsync(serviceAdmin, findings);
        var receipt = await company.Http.GetByteArrayAsync($"/letters/{id}/receipts/9011001");
        await VerifyErrorsAsync(anonymous, findings, receipt);
        await LoginErrorsAsync(anonymous, findings);

        Assert.IsEmpty(findings, "Latin words in the Mongolian interface:\n" + string.Join("\n", findings.Distinct()));
    }

    [TestMethod]
    public void The_reader_finds_english_in_text_and_announced_attributes_but_not_in_data_or_code()
    {
        var html = """
            <p>Гарчиг is required</p><button aria-label="Close">×</button><span class="mono">bichig</span>
            <p>https://hooks.example.mn/x, letter.pdf, 2026/00042, PDF, <code>smartoffice send</code></p>
            <script>const x = "English";</script><p lang="en">verbatim detail</p><input value="typed" />
            """;

        CollectionAssert.AreEqual(new[] { "Close", "is required" }, LatinWords(html).ToList());
    }

    private static async Task ClerkErrorsAsync(
        Guid id,
        WorkspaceClient registrar,
        WorkspaceClient executor,
        WorkspaceClient head,
        List<string> findings
    )
    {
        var page = $"/letters/{id}";
        await PostAsync(head, page, $"{page}?handler=Assign", new() { ["dueDate"] = "2000-01-01" }, findings);
        await PostAsync(registrar, page, $"{page}?handler=Register", [], findings);
        await PostAsync(registrar, page, $"{page}?handler=Register", [], findings);
        await PostAsync(head, page, $"{page}?handler=Assign", new() { ["dueDate"] = "2000-01-01" }, findings);
        await PostAsync(head, page, $"{page}?handler=Assign", new() { ["executor"] = "nobody" }, findings);
        await PostAsync(
            head,
            page,
            $"{page}?handler=Assign",
            new() { ["executor"] = "gantulga", ["dueDate"] = "not-a-date" },
            findings
        );
        await PostAsync(
            head,
            page,
            $"{page}?handler=Assign",
            new() { ["executor"] = "gantulga", ["dueDate"] = "2000-01-01" },
            findings
        );
        await PostAsync(head, page, $"{page}?handler=Close", new() { ["reason"] = "" }, findings);
        await PostAsync(head, page, $"{page}?handler=Close", new() { ["reason"] = new string('ү', 1001) }, findings);
        await PostAsync(head, page, $"{page}?handler=Report", new() { ["reason"] = new string('ү', 1001) }, findings);
        await PostAsync(registrar, page, $"{page}?handler=Comment", new() { ["comment"] = "" }, findings);
        await PostAsync(executor, page, $"{page}?handler=Close", new() { ["reason"] = "давхардсан" }, findings);

        // The answer form: no file, then a letter with no signature, then one signed by another organization.
        await PostAsync(
            head,
            page,
            $"{page}?handler=Assign",
            new()
            {
                ["executor"] = "gantulga",
                ["dueDate"] = DateTime
                    .Today.AddDays(20)
                    .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            findings
        );
        using (var empty = new MultipartFormDataContent())
        {
            empty.Add(new StringContent("Хариу"), "subject");
            await ReadAsync(
                executor,
                page,
                findings,
                response: await executor.PostMultipartAsync(page, $"{page}?handler=Answer", empty)
            );
        }

        foreach (var file in new[] { UnsignedLetter(), TestPki.SignedLetter(TestPki.Pki.CompanyB), Garbage() })
        {
            using var form = new MultipartFormDataContent();
            form.Add(Pdf(file), "reply", "reply.pdf");
            form.Add(new StringContent("Хариу"), "subject");
            await ReadAsync(
                executor,
                page,
                findings,
                response: await executor.PostMultipartAsync(page, $"{page}?handler=Answer", form)
            );
        }
    }

    private static async Task SendErrorsAsync(WorkspaceClient company, List<string> findings)
    {
        foreach (var handler in new[] { "Check", "Send" })
        {
            using (var noFile = new MultipartFormDataContent())
            {
                noFile.Add(new StringContent("9011001"), "Recipients");
                noFile.Add(new StringContent("Тест"), "Subject");
                noFile.Add(new StringContent(Guid.NewGuid().ToString("N")), "IdempotencyKey");
                await ReadAsync(
                    company,
                    "/send",
                    findings,
                    response: await company.PostMultipartAsync("/send", $"/send?handler={handler}", noFile)
                );
            }

            foreach (
                var (file, recipients, subject) in new[]
                {
                    (UnsignedLetter(), "9011001", "Тест"),
                    (Garbage(), "9011001", "Тест"),
                    (TestPki.SignedLetter(TestPki.Pki.CompanyB), "9011001", "Тест"),
                    (ChangedLetter.AfterSigning(TestPki.SignedLetter(TestPki.Pki.CompanyA)), "9011001", "Тест"),
                    (TestPki.SignedLetter(TestPki.Pki.CompanyA), "", ""),
                    (TestPki.SignedLetter(TestPki.Pki.CompanyA), "1111111, abc", "Тест"),
                    (TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", new string('ү', 501)),
                }
            )
            {
                await ReadAsync(
                    company,
                    "/send",
                    findings,
                    response: await SendPageTests.PostAsync(company, handler, file, recipients, subject)
                );
            }
        }
    }

    private static async Task AgencyErrorsAsync(ApiFactory factory, WorkspaceClient admin, List<string> findings)
    {
        foreach (var days in new[] { "0", "500", "abc" })
        {
            await PostAsync(
                admin,
                "/agency",
                "/agency?handler=Settings",
                new() { ["dueWorkingDays"] = days },
                findings
            );
        }

        var users = new Dictionary<string, string>[]
        {
            new()
            {
                ["userName"] = "",
                ["displayName"] = "",
                ["roles"] = "executor",
            },
            new()
            {
                ["userName"] = "bichig",
                ["displayName"] = "Давхар",
                ["roles"] = "executor",
            },
            new()
            {
                ["userName"] = "shine1",
                ["displayName"] = "Шинэ",
                ["password"] = "x",
                ["roles"] = "executor",
            },
            new()
            {
                ["userName"] = "shine2",
                ["displayName"] = "Шинэ",
                ["roles"] = "superuser",
            },
            new()
            {
                ["userName"] = "shine3",
                ["displayName"] = "Шинэ\u202e",
                ["roles"] = "executor",
            },
            new() { ["userName"] = "shine4", ["displayName"] = "Шинэ" },
        };
        foreach (var user in users)
        {
            await PostAsync(admin, "/agency", "/agency?handler=User", user, findings);
        }

        using (var certificate = new MultipartFormDataContent())
        {
            certificate.Add(new StringContent("shine5"), "userName");
            certificate.Add(new StringContent("Шинэ"), "displayName");
            certificate.Add(new StringContent("executor"), "roles");
            certificate.Add(new ByteArrayContent(Garbage()), "certificateFile", "login.cer");
            await ReadAsync(
                admin,
                "/agency",
                findings,
                response: await admin.PostMultipartAsync("/agency", "/agency?handler=User", certificate)
            );
        }

        using (var certificate = new MultipartFormDataContent())
        {
            certificate.Add(new StringContent("shine6"), "userName");
            certificate.Add(new StringContent("Шинэ"), "displayName");
            certificate.Add(new StringContent("executor"), "roles");
            certificate.Add(
                new ByteArrayContent(TestPki.Pki.CompanyB.Certificate.RawData),
                "certificateFile",
                "login.cer"
            );
            await ReadAsync(
                admin,
                "/agency",
                findings,
                response: await admin.PostMultipartAsync("/agency", "/agency?handler=User", certificate)
            );
        }

        var self = $"/agency/users/{await StaffIdAsync(factory, "admin-9011001")}";
        await PostAsync(admin, self, self, new() { ["displayName"] = "Админ", ["roles"] = "registrar" }, findings);
        var other = $"/agency/users/{await StaffIdAsync(factory, "gantulga")}";
        await PostAsync(admin, other, other, new() { ["displayName"] = "", ["roles"] = "executor" }, findings);
        await PostAsync(
            admin,
            other,
            other,
            new()
            {
                ["displayName"] = "Гантулга",
                ["roles"] = "executor",
                ["password"] = "short",
            },
            findings
        );

        foreach (
            var (url, secret) in new[]
            {
                ("not a url", "a-very-secret-value-123"),
                ("ftp://hooks.example.mn/x", "a-very-secret-value-123"),
                ("https://user:pw@hooks.example.mn/x", "a-very-secret-value-123"),
                ("http://127.0.0.1/hook", "a-very-secret-value-123"),
                ("https://hooks.example.mn/x", "short"),
            }
        )
        {
            await PostAsync(
                admin,
                "/agency",
                "/agency?handler=Webhook",
                new() { ["url"] = url, ["secret"] = secret },
                findings
            );
        }
    }

    private static async Task AdminErrorsAsync(WorkspaceClient admin, List<string> findings)
    {
        await PostAsync(
            admin,
            "/admin",
            "/admin?handler=Suspend",
            new() { ["registryNumber"] = "0000000", ["suspend"] = "true" },
            findings
        );
        await PostAsync(admin, "/admin", "/admin?handler=Replay", [], findings);
        await PostAsync(admin, "/admin", "/admin?handler=VerifyAudit", [], findings);
    }

    private static async Task VerifyErrorsAsync(WorkspaceClient anonymous, List<string> findings, byte[] receipt)
    {
        var altered = (byte[])receipt.Clone();
        altered[receipt.Length / 3] ^= 0x01;
        var attempts = new (byte[]? Letter, byte[]? Evidence)[]
        {
            (receipt, null),
            (altered, null),
            (TestPki.SignedLetter(TestPki.Pki.CompanyB), null),
            (null, null),
            (Garbage(), null),
            (UnsignedLetter(), null),
            (ChangedLetter.AfterSigning(TestPki.SignedLetter(TestPki.Pki.CompanyA)), null),
            (null, Encoding.UTF8.GetBytes("{\"not\":\"evidence\"}")),
            (null, Garbage()),
        };
        foreach (var (letter, evidence) in attempts)
        {
            using var form = new MultipartFormDataContent();
            if (letter is not null)
            {
                form.Add(Pdf(letter), "Letter", "letter.pdf");
            }

            if (evidence is not null)
            {
                form.Add(new ByteArrayContent(evidence), "Evidence", "evidence.json");
            }

            await ReadAsync(
                anonymous,
                "/verify",
                findings,
                response: await anonymous.PostMultipartAsync("/verify", "/verify", form)
            );
        }
    }

    private static async Task LoginErrorsAsync(WorkspaceClient anonymous, List<string> findings)
    {
        await PostAsync(
            anonymous,
            "/login",
            "/login?handler=Password",
            new() { ["userName"] = "bichig", ["password"] = "wrong-password" },
            findings
        );
        await PostAsync(anonymous, "/login", "/login?handler=Password", [], findings);
        await PostAsync(
            anonymous,
            "/login",
            "/login?handler=Certificate",
            new() { ["nonce"] = "garbage", ["signature"] = "garbage" },
            findings
        );
    }

    /// <summary>Posts a form and reads what the clerk sees next (the page, or the one it redirects to).</summary>
    private static async Task PostAsync(
        WorkspaceClient client,
        string pagePath,
        string action,
        Dictionary<string, string> fields,
        List<string> findings
    ) =>
        await ReadAsync(
            client,
            pagePath,
            findings,
            response: await client.PostFormAsync(pagePath, action, fields),
            label: action
        );

    private static async Task ReadAsync(
        WorkspaceClient client,
        string path,
        List<string> findings,
        HttpStatusCode? expected = null,
        HttpResponseMessage? response = null,
        string? label = null
    )
    {
        var where = Id().Replace(label is null ? path : $"{label} {path}", "{id}");
        response ??= await client.Http.GetAsync(path);
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod)
            {
                var next = response.Headers.Location!.OriginalString;
                await ReadAsync(client, next, findings, label: $"{where} →");
                return;
            }

            var html = await response.Content.ReadAsStringAsync();
            if (expected is { } status)
            {
                Assert.AreEqual(status, response.StatusCode, $"{where}: {html}");
            }

            if (response.Content.Headers.ContentType?.MediaType is not ("text/html" or "application/problem+json"))
            {
                return;
            }

            foreach (var word in LatinWords(html))
            {
                findings.Add($"{where} [{(int)response.StatusCode}]: «{word}»");
            }
        }
    }

    /// <summary>The Latin words one sees or hears on <paramref name="html"/>, data and allowed names removed.</summary>
    internal static IEnumerable<string> LatinWords(string html)
    {
        var visible = new StringBuilder();
        var withoutCode = NotShown().Replace(html, " ");
        foreach (Match attribute in Attribute().Matches(withoutCode))
        {
            if (s_visibleAttributes.Contains(attribute.Groups["name"].Value, StringComparer.OrdinalIgnoreCase))
            {
                visible.Append(' ').Append(attribute.Groups["value"].Value).Append(' ');
            }
        }

        visible.Append(' ').Append(Tag().Replace(withoutCode, " "));
        var text = WebUtility.HtmlDecode(visible.ToString());
        foreach (var phrase in s_allowed.Where(a => !a.All(char.IsLetter)).Concat(s_data))
        {
            text = text.Replace(phrase, " ", StringComparison.OrdinalIgnoreCase);
        }

        text = Data().Replace(text, " ");

        // A run of Latin words is reported whole, so the finding reads as the sentence that needs translating.
        return LatinRun()
            .Matches(text)
            .Select(m => m.Value.Trim())
            .Where(run => LatinWord().Matches(run).Any(w => !s_allowed.Contains(w.Value)))
            .Distinct();
    }

    private static async Task<Guid> StaffIdAsync(ApiFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        return await db.StaffUsers.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static byte[] UnsignedLetter() =>
        DemoLetter.Create(
            new DemoLetterContent(
                "Монгол Ачаа Тээвэр ХХК",
                "5123456",
                "Нийслэлийн Засаг Даргын Тамгын Газар",
                "2026/118",
                new DateOnly(2026, 11, 22),
                "Гарын үсэггүй бичиг",
                "Гарын үсэг зураагүй."
            )
        );

    private static byte[] Garbage() => Encoding.UTF8.GetBytes("this is not a document");

    private static ByteArrayContent Pdf(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    /// <summary>
    /// Scripts, styles and comments (code, never read); what the page marks as code or keys, or as English on purpose
    /// (the language switch, a validator's verbatim detail); and data the page marks as such: <c>bdi</c> isolates what
    /// people typed (subjects, names), <c>mono</c> sets numbers, hashes and user names.
    /// </summary>
    [GeneratedRegex(
        @"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<svg\b.*?</svg>|<bdi>.*?</bdi>"
            + @"|<code\b.*?</code>|<kbd\b.*?</kbd>|<(?<en>\w+)[^>]*\slang=""en""[^>]*>[^<]*</\k<en>>"
            + @"|<(?<tag>\w+)[^>]*class=""[^""]*\bmono\b[^""]*""[^>]*>[^<]*</\k<tag>>",
        RegexOptions.Singleline | RegexOptions.IgnoreCase
    )]
    private static partial Regex NotShown();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    /// <summary>
    /// Data, not words: addresses, e-mails, file names, hashes and ids, certificate names (CN=…), registry and incoming
    /// numbers, dates; and tokens that mix letters and digits (user names like admin-9011001, codes).
    /// </summary>
    [GeneratedRegex(
        @"\b[a-z]+://\S+|\S+@\S+\.\S+|(?<![\w.])/[\w/.{}-]+|(?<!\w)\.[a-z0-9]{2,4}\b"
            + @"|\S+\.(?:pdf|json|csv|cer|crt|pem|der|p12|svg|ico)\b|\b[0-9a-fA-F]{16,}\b"
            + @"|\b[0-9a-fA-F-]{36}\b|CN=[^,;)]+|\b(?=[\w-]*\d)[\w-]+\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Data();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’]*")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’]*(?:[\s,.:;()'’-]+[A-Za-z][A-Za-z'’]*)*")]
    private static partial Regex LatinRun();
}
