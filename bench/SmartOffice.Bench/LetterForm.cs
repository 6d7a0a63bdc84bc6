using System.Net.Http.Headers;

namespace SmartOffice.Bench;

/// <summary>The multipart body of POST /api/letters that the submission and delivery benchmarks send.</summary>
internal static class LetterForm
{
    public static MultipartFormDataContent Of(byte[] letter, string recipient) =>
        new()
        {
            {
                new ByteArrayContent(letter)
                {
                    Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") },
                },
                "file",
                "letter.pdf"
            },
            { new StringContent("Барилгын зөвшөөрөл"), "subject" },
            { new StringContent(recipient), "recipients" },
        };
}
