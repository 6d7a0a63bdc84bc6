using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The audit trail an administrator reads records state changes and document reads, and says whether it is intact.
/// </summary>
[TestClass]
public sealed class AuditTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Records_submission_delivery_and_each_read_of_the_document_with_its_address(string provider)
    {
        var factory = Factories.Shared(provider);
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();
        await sender.Http.GetAsync($"/api/letters/{id}/document");
        using var admin = await ApiSession.StaffAsync(factory, "admin");

        List<string?> actions = [];
        for (var i = 0; i < 50 && !actions.Contains("letter.delivered"); i++)
        {
            await Task.Delay(100);
            actions =
            [
                .. (await admin.GetJsonAsync($"/api/admin/audit?target={id}"))
                    .EnumerateArray()
                    .Select(e => e.GetProperty("action").GetString()),
            ];
        }

        CollectionAssert.IsSubsetOf(new[] { "letter.submitted", "document.read", "letter.delivered" }, actions);
        var verification = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.IsTrue(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
    }
}
