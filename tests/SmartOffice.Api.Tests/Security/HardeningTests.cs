using System.Net;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Features.Stats;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Security;

/// <summary>
/// What the service sends to browsers and spreadsheets, and what it refuses to echo, keeps them safe.
/// </summary>
[TestClass]
public sealed class HardeningTests
{
    [TestMethod]
    public async Task Pages_carry_a_policy_without_inline_script_and_refuse_framing_by_others()
    {
        using var client = Factories.Shared("Sqlite").CreateClient();
        var page = await client.GetAsync("/login");
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));

        StringAssert.Contains(policy, "script-src 'self'");
        StringAssert.Contains(policy, "frame-ancestors 'self'");
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.AreEqual("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("SAMEORIGIN", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.AreEqual("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [TestMethod]
    public async Task A_letter_fetched_from_the_api_is_sandboxed()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();

        var document = await company.Http.GetAsync($"/api/letters/{id}/document");
        Assert.AreEqual(HttpStatusCode.OK, document.StatusCode);
        Assert.AreEqual("sandbox", document.Headers.GetValues("Content-Security-Policy").Single());
        Assert.AreEqual("nosniff", document.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [TestMethod]
    [DataRow("https://evil.example/")]
    [DataRow("//evil.example/")]
    [DataRow("/\\evil.example/")]
    [DataRow("/inbox\r\nSet-Cookie: x=1")]
    public async Task The_language_switch_sends_a_foreign_return_address_home(string returnUrl)
    {
        using var client = Factories
            .Shared("Sqlite")
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/", response.Headers.Location?.ToString());
    }

    [TestMethod]
    public async Task A_subject_with_bidirectional_controls_is_refused()
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var response = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA),
            ["9011001"],
            null,
            "Зөвшөөрөл \u202Egnp.exe"
        );

        await ProblemAssert.HasCodeAsync(response, 400, "validation");
    }

    [TestMethod]
    public void Csv_cells_a_spreadsheet_would_run_as_formulas_are_kept_as_text()
    {
        var stats = new CityStats(
            new DateOnly(2026, 12, 1),
            new DateOnly(2026, 12, 31),
            [
                new AgencyRow("9011001", "=HYPERLINK(\"http://evil\")", 1, 1, 1, 0, 2, 3),
                new AgencyRow("9011002", "@SUM(A1)", 0, 0, 0, 0, null, null),
            ]
        );
        var csv = Encoding.UTF8.GetString(StatsCsv.City(stats, word => word));

        StringAssert.Contains(csv, "\"'=HYPERLINK(\"\"http://evil\"\")\"");
        StringAssert.Contains(csv, "'@SUM(A1)");
    }

    [TestMethod]
    public void MassTransit_reports_no_usage_telemetry()
    {
        var options = Factories.Shared("Sqlite").Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;
        Assert.IsFalse(options.Enabled);
    }

    [TestMethod]
    public async Task The_pdf_viewer_is_served_as_a_module_script_and_the_inline_letter_is_sandboxed()
    {
        var factory = Factories.Shared("Sqlite");
        using var anyone = factory.CreateClient();
        var module = await anyone.GetAsync("/lib/pdfjs/pdf.min.mjs");
        Assert.AreEqual(HttpStatusCode.OK, module.StatusCode);
        Assert.AreEqual("text/javascript", module.Content.Headers.ContentType?.MediaType);

        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        using var api = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await api.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();
        var inline = await company.Http.GetAsync($"/letters/{id}/document");
        Assert.AreEqual(HttpStatusCode.OK, inline.StatusCode);
        Assert.AreEqual("sandbox", inline.Headers.GetValues("Content-Security-Policy").Single());
        StringAssert.StartsWith(inline.Content.Headers.ContentDisposition?.ToString(), "inline");
    }
}
