using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// A registered letter shows its registration stamp (agency, incoming number, date) beside the document and prints a
/// cover sheet naming the exact signed bytes; the signed document itself is never touched.
/// </summary>
[TestClass]
public sealed class RegistrationStampTests
{
    [TestMethod]
    public async Task A_registered_letter_shows_its_stamp_and_prints_a_cover_sheet_for_the_agency_only()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await LetterPageTests.DeliveredLetterAsync(factory, $"Тамга {Guid.NewGuid():N}");
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        Assert.AreEqual(
            HttpStatusCode.NotFound,
            (await clerk.Http.GetAsync($"/letters/{id}?handler=Cover")).StatusCode
        );
        var original = await (await clerk.Http.GetAsync($"/letters/{id}/document")).Content.ReadAsByteArrayAsync();

        await clerk.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.LetterId == id);
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == id);

        var page = await clerk.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(page, "id=\"registration-stamp\"");
        StringAssert.Contains(page, delivery.IncomingNumber!);
        var cover = await clerk.GetPageAsync($"/letters/{id}?handler=Cover");
        StringAssert.StartsWith(cover.TrimStart(), "<!DOCTYPE html>");
        StringAssert.Contains(cover, delivery.IncomingNumber!);
        StringAssert.Contains(cover, letter.DocumentSha256);
        StringAssert.Contains(cover, "Албан бичгийн бүртгэлийн хуудас");
        CollectionAssert.AreEqual(
            original,
            await (await clerk.Http.GetAsync($"/letters/{id}/document")).Content.ReadAsByteArrayAsync(),
            "the signed document is served as it was signed"
        );

        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        Assert.AreEqual(
            HttpStatusCode.NotFound,
            (await sender.Http.GetAsync($"/letters/{id}?handler=Cover")).StatusCode,
            "the stamp is the receiving agency's"
        );
        Assert.DoesNotContain("id=\"registration-stamp\"", await sender.GetPageAsync($"/letters/{id}"));
    }
}
