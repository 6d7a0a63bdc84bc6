using System.IO.Compression;
using System.Net;
using System.Text;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Security;

/// <summary>A letter's archive package shows its caller what the API shows them, and no more.</summary>
[TestClass]
public sealed class ArchivePackageVisibilityTests
{
    [TestMethod]
    public async Task A_recipient_company_never_learns_another_recipients_incoming_number()
    {
        var factory = Factories.Shared("Sqlite");
        using var receiver = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyB);
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", "6234567"))
            .GetProperty("id")
            .GetString()!;
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        HttpResponseMessage registered = null!;
        for (
            var i = 0;
            i < 100
                && (registered = await registrar.Http.PostAsync($"/api/letters/{id}/register", null)).StatusCode
                    != HttpStatusCode.OK;
            i++
        )
        {
            await Task.Delay(100);
        }

        Assert.AreEqual(HttpStatusCode.OK, registered.StatusCode, await registered.Content.ReadAsStringAsync());
        var number = System
            .Text.Json.JsonDocument.Parse(await registered.Content.ReadAsStringAsync())
            .RootElement.GetProperty("delivery")
            .GetProperty("incomingNumber")
            .GetString()!;

        var theirs = await PackageTextAsync(receiver, id);
        Assert.DoesNotContain(number, theirs, "another recipient's incoming number");
        Assert.DoesNotContain("Registration", theirs, "another recipient's registration evidence");
        StringAssert.Contains(theirs, "6234567");

        var senders = await PackageTextAsync(sender, id);
        StringAssert.Contains(senders, number);
    }

    private static async Task<string> PackageTextAsync(ApiSession session, string id)
    {
        var response = await session.Http.GetAsync($"/api/letters/{id}/archive");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync()).Append('\n');
        }

        return text.ToString();
    }
}
