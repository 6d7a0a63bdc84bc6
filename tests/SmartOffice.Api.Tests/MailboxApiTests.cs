using System.Text.Json;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>
/// GET /api/inbox and /api/outbox read with the pages' queries: keyset pages that neither lose nor repeat a letter,
/// the same search, and the inbox's tab counts.
/// </summary>
[TestClass]
public sealed class MailboxApiTests
{
    [TestMethod]
    public async Task Both_lists_page_by_cursor_and_search_like_the_workspace()
    {
        using var factory = new ApiFactory("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        var sent = new List<string>();
        foreach (var subject in new[] { "Барилгын зөвшөөрөл", "Гэрэлтүүлгийн хүсэлт", "Замын засвар" })
        {
            var response = await company.SubmitAsync(
                TestPki.SignedLetter(TestPki.Pki.CompanyA),
                ["9011001"],
                null,
                subject
            );
            response.EnsureSuccessStatusCode();
            sent.Add(
                JsonDocument
                    .Parse(await response.Content.ReadAsStringAsync())
                    .RootElement.GetProperty("id")
                    .GetString()!
            );
        }

        var received = await EventuallyAllAsync(clerk, "/api/inbox", 3);
        Assert.AreEqual(3, received.GetProperty("counts").GetProperty("new").GetInt32());

        var firstPage = await clerk.GetJsonAsync("/api/inbox?pageSize=2");
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        Assert.IsNotNull(cursor);
        var secondPage = await clerk.GetJsonAsync($"/api/inbox?pageSize=2&after={Uri.EscapeDataString(cursor)}");
        Assert.AreEqual(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
        CollectionAssert.AreEquivalent(
            sent,
            Ids(firstPage).Concat(Ids(secondPage)).ToList(),
            "every letter once over the two pages"
        );

        var found = await clerk.GetJsonAsync($"/api/inbox?q={Uri.EscapeDataString("гэрэлтүүлгийн")}");
        CollectionAssert.AreEqual(new[] { sent[1] }, Ids(found).ToArray());

        var outboxFirst = await company.GetJsonAsync("/api/outbox?pageSize=2");
        var outboxSecond = await company.GetJsonAsync(
            $"/api/outbox?pageSize=2&after={Uri.EscapeDataString(outboxFirst.GetProperty("nextCursor").GetString()!)}"
        );
        CollectionAssert.AreEqual(
            Enumerable.Reverse(sent).ToList(),
            Ids(outboxFirst).Concat(Ids(outboxSecond)).ToList(),
            "newest first"
        );
        var byRecipient = await company.GetJsonAsync($"/api/outbox?q={Uri.EscapeDataString("замын")}");
        CollectionAssert.AreEqual(new[] { sent[2] }, Ids(byRecipient).ToArray());
        await ProblemAssert.HasCodeAsync(await clerk.Http.GetAsync("/api/inbox?tab=everything"), 400, "validation");
    }

    private static IEnumerable<string> Ids(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("letterId").GetString()!);

    private static async Task<JsonElement> EventuallyAllAsync(ApiSession session, string path, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var list = await session.GetJsonAsync(path);
            if (list.GetProperty("items").GetArrayLength() >= count || attempt == 100)
            {
                return list;
            }

            await Task.Delay(100);
        }
    }
}
