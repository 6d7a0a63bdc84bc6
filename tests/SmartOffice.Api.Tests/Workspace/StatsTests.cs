using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Features.Stats;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// KPIs in hours from known timestamps: exact medians and percentiles, on both databases, the API, the page and the
/// CSV.
/// </summary>
[TestClass]
public sealed class StatsTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Known_timestamps_give_exact_counts_medians_and_90th_percentiles(string provider)
    {
        ApiFactory.RequireProvider(provider);
        using var factory = new ApiFactory(provider);
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        await SeedAsync(factory);

        var stats = await clerk.GetJsonAsync("/api/stats");
        Assert.AreEqual("9011001", stats.GetProperty("registryNumber").GetString());
        Assert.AreEqual(11, stats.GetProperty("received").GetInt32());
        Assert.AreEqual(10, stats.GetProperty("registered").GetInt32());
        Assert.AreEqual(10, stats.GetProperty("answered").GetInt32());
        Assert.AreEqual(1, stats.GetProperty("overdue").GetInt32());
        Assert.AreEqual(5.5, stats.GetProperty("medianHoursToRegister").GetDouble());
        Assert.AreEqual(9.1, stats.GetProperty("p90HoursToRegister").GetDouble());
        Assert.AreEqual(11, stats.GetProperty("medianHoursToAnswer").GetDouble());
        Assert.AreEqual(18.2, stats.GetProperty("p90HoursToAnswer").GetDouble());
        var top = stats.GetProperty("topSenders")[0];
        Assert.AreEqual("5123456", top.GetProperty("registryNumber").GetString());
        Assert.AreEqual(11, top.GetProperty("letters").GetInt32());
        Assert.AreEqual(11, stats.GetProperty("trend").EnumerateArray().Sum(p => p.GetProperty("received").GetInt32()));
    }

    [TestMethod]
    public async Task The_page_shows_the_figures_and_the_csv_opens_in_a_spreadsheet()
    {
        using var factory = new ApiFactory("Sqlite");
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        await SeedAsync(factory);

        var page = await clerk.GetPageAsync("/stats");
        StringAssert.Contains(page, "id=\"kpi-received\">11<");
        StringAssert.Contains(page, "id=\"kpi-overdue\" href=\"/inbox?tab=overdue\">1<");
        StringAssert.Contains(page, "<svg class=\"chart\"");

        var csv = await clerk.Http.GetAsync("/stats?handler=Csv");
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        CollectionAssert.AreEqual(Encoding.UTF8.GetPreamble(), bytes[..3], "Excel needs the BOM to read Mongolian");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.AreEqual("Үзүүлэлт,Утга", lines[0]);
        CollectionAssert.Contains(lines, "Бүртгэх хугацааны медиан,5.5");
        CollectionAssert.Contains(lines, "Хариу өгөх хугацааны 90-р хувь,18.2");
    }

    [TestMethod]
    public async Task Each_agency_sees_only_its_own_figures_and_companies_none()
    {
        var factory = Factories.Shared("Sqlite");
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        var asked = await clerk.GetJsonAsync("/api/stats?agency=9011002");
        Assert.AreEqual(
            "9011001",
            asked.GetProperty("registryNumber").GetString(),
            "staff cannot ask for another agency"
        );

        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await company.Http.GetAsync("/api/stats")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync("/api/stats/city")).StatusCode);
        Assert.AreEqual(
            HttpStatusCode.BadRequest,
            (await clerk.Http.GetAsync("/api/stats?from=2026-05-01&to=2026-04-01")).StatusCode
        );

        using var companyPage = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        Assert.AreEqual(HttpStatusCode.Redirect, (await companyPage.Http.GetAsync("/stats")).StatusCode);
    }

    [TestMethod]
    public async Task The_city_view_compares_agencies_for_the_service_administrator_only()
    {
        using var factory = new ApiFactory("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin");
        await SeedAsync(factory);
        var page = await admin.GetPageAsync("/stats/city");
        StringAssert.Contains(page, "(9011001)");
        var csv = Encoding.UTF8.GetString(await admin.Http.GetByteArrayAsync("/stats/city?handler=Csv"));
        StringAssert.Contains(csv, ",9011001,11,10,10,1,11,18.2");
        StringAssert.Contains(await admin.GetPageAsync("/stats?agency=9011001"), "id=\"kpi-received\">11<");

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        Assert.AreEqual(HttpStatusCode.Redirect, (await clerk.Http.GetAsync("/stats/city")).StatusCode);
        using var api = await ApiSession.StaffAsync(factory, "admin");
        var city = await api.GetJsonAsync("/api/stats/city");
        Assert.AreEqual("9011001", city.GetProperty("agencies")[0].GetProperty("registryNumber").GetString());
    }

    [TestMethod]
    public void Percentiles_interpolate_between_ranks()
    {
        Assert.IsNull(Percentile.Of([], 0.5));
        Assert.AreEqual(7, Percentile.Of([7], 0.9));
        Assert.AreEqual(2.5, Percentile.Of([1, 2, 3, 4], 0.5));
        Assert.AreEqual(3.7, Percentile.Of([1, 2, 3, 4], 0.9));
    }

    // Ten letters delivered three days ago, registered after 1..10 hours and answered after 2..20 hours;
    // an eleventh assigned with yesterday as its due date (overdue).
    private static async Task SeedAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001");
        var sender = await db.Organizations.SingleAsync(o => o.RegistryNumber == "5123456");
        var delivered = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-3).AddHours(9), TimeSpan.Zero);
        for (var i = 1; i <= 11; i++)
        {
            var letter = new Letter
            {
                SenderOrganizationId = sender.Id,
                SenderRegistryNumber = sender.RegistryNumber,
                Subject = $"KPI {i}",
                DocumentSha256 = $"{i:D64}",
                ValidationReportJson = "{}",
                RecipientKey = "9011001",
                SubmittedAt = delivered,
            };
            letter.Deliveries.Add(
                i <= 10
                    ? new Delivery
                    {
                        RecipientOrganizationId = agency.Id,
                        RecipientRegistryNumber = "9011001",
                        State = DeliveryState.Answered,
                        DeliveredAt = delivered,
                        RegisteredAt = delivered.AddHours(i),
                        AnsweredAt = delivered.AddHours(2 * i),
                    }
                    : new Delivery
                    {
                        RecipientOrganizationId = agency.Id,
                        RecipientRegistryNumber = "9011001",
                        State = DeliveryState.Assigned,
                        DeliveredAt = delivered,
                        DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
                    }
            );
            db.Letters.Add(letter);
        }

        await db.SaveChangesAsync();
    }
}
