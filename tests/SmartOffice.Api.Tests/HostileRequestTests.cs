using System.Net.Http.Headers;
using System.Text;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>Malformed requests end in problem details with a code, never a crash or an empty error.</summary>
[TestClass]
public sealed class HostileRequestTests
{
    [TestMethod]
    public async Task A_login_body_that_is_not_json_is_a_validation_problem()
    {
        using var client = Factories.Shared("Sqlite").CreateClient();
        var response = await client.PostAsync(
            "/api/auth/token",
            new StringContent("{not json", Encoding.UTF8, "application/json")
        );
        await ProblemAssert.HasCodeAsync(response, 400, "validation");
    }

    [TestMethod]
    public async Task A_signature_that_is_not_base64_is_unauthorized()
    {
        using var session = new ApiSession(Factories.Shared("Sqlite").CreateClient());
        var nonce = await session.NewNonceAsync();
        var response = await session.Http.PostAsync(
            "/api/auth/token",
            new StringContent($"{{\"nonce\":\"{nonce}\",\"signature\":\"%%%\"}}", Encoding.UTF8, "application/json")
        );
        await ProblemAssert.HasCodeAsync(response, 401, "unauthorized");
    }

    [TestMethod]
    public async Task Unknown_routes_and_ids_are_not_found_problems()
    {
        using var session = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        await ProblemAssert.HasCodeAsync(await session.Http.GetAsync("/api/letters/not-a-guid"), 404, "not_found");
        await ProblemAssert.HasCodeAsync(await session.Http.GetAsync("/api/nothing-here"), 404, "not_found");
    }

    [TestMethod]
    public async Task A_submission_that_is_not_multipart_or_has_no_file_is_refused_with_a_code()
    {
        using var session = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        await ProblemAssert.HasCodeAsync(
            await session.Http.PostAsync("/api/letters", new StringContent("%PDF-1.7")),
            415,
            "unsupported_media_type"
        );

        using var form = new MultipartFormDataContent
        {
            { new StringContent("Сэдэв"), "subject" },
            { new StringContent("9011001"), "recipients" },
        };
        await ProblemAssert.HasCodeAsync(await session.Http.PostAsync("/api/letters", form), 400, "validation");
    }

    [TestMethod]
    public async Task A_png_uploaded_as_a_letter_is_refused_as_not_pdf()
    {
        using var session = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var png = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 0]);
        png.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { png, "file", "letter.pdf" },
            { new StringContent("Сэдэв"), "subject" },
            { new StringContent("9011001"), "recipients" },
        };
        var problem = await ProblemAssert.HasCodeAsync(
            await session.Http.PostAsync("/api/letters", form),
            422,
            "not_pdf"
        );
        Assert.AreEqual("not_pdf", problem.GetProperty("report").GetProperty("code").GetString());
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Control_characters_in_a_submission_are_a_validation_problem_and_the_next_letter_is_accepted(
        string provider
    )
    {
        using var session = await ApiSession.CompanyAsync(Factories.Shared(provider), TestPki.Pki.CompanyA);
        var pdf = TestPki.SignedLetter(TestPki.Pki.CompanyA);

        await ProblemAssert.HasCodeAsync(
            await session.SubmitAsync(pdf, ["9011001"], null, subject: "Барилга\0"),
            400,
            "validation"
        );
        await ProblemAssert.HasCodeAsync(
            await session.SubmitAsync(pdf, ["9011001"], null, reference: "2026/\u0001"),
            400,
            "validation"
        );
        await ProblemAssert.HasCodeAsync(await session.SubmitAsync(pdf, ["9011\u0000001"], null), 400, "validation");
        await ProblemAssert.HasCodeAsync(await session.SubmitAsync(pdf, ["9011001"], "key\0one"), 400, "validation");

        Assert.AreEqual(
            System.Net.HttpStatusCode.Accepted,
            (await session.SubmitAsync(pdf, ["9011001"], null, subject: "Барилга\tзөвшөөрөл")).StatusCode
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_NUL_character_anywhere_else_is_a_validation_problem_on_either_database(string provider)
    {
        var factory = Factories.Shared(provider);
        using var session = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        await ProblemAssert.HasCodeAsync(
            await session.Http.GetAsync("/api/organizations?query=90%00"),
            400,
            "validation"
        );

        using var client = factory.CreateClient();
        var login = await client.PostAsync(
            "/api/auth/login",
            new StringContent(
                "{\"userName\":\"bichig\\u0000\",\"password\":\"demo\"}",
                Encoding.UTF8,
                "application/json"
            )
        );
        await ProblemAssert.HasCodeAsync(login, 400, "validation");
    }

    [TestMethod]
    public async Task A_parameter_that_does_not_bind_is_a_validation_problem_that_names_it()
    {
        var factory = Factories.Shared("Sqlite");
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        var date = await ProblemAssert.HasCodeAsync(
            await clerk.Http.GetAsync("/api/inbox?from=notadate"),
            400,
            "validation"
        );
        StringAssert.Contains(date.GetProperty("detail").GetString(), "from");
        Assert.AreEqual("https://smartoffice.mn/problems/validation", date.GetProperty("type").GetString());

        using var client = factory.CreateClient();
        var body = await ProblemAssert.HasCodeAsync(
            await client.PostAsync("/api/auth/login", new StringContent("[1,2]", Encoding.UTF8, "application/json")),
            400,
            "validation"
        );
        StringAssert.Contains(body.GetProperty("detail").GetString(), "JSON");
    }
}
