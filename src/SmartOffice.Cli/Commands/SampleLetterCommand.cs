using SmartOffice.Signing.Demo;

namespace SmartOffice.Cli.Commands;

/// <summary>
/// `smartoffice sample-letter OUT.pdf [--from company-a|company-b|agency]`: an unsigned Mongolian letter.
/// </summary>
internal static class SampleLetterCommand
{
    public static int Run(Arguments arguments, TextWriter stdout)
    {
        arguments.Allow("--from", "--pages", "--padding");
        if (arguments.Positional.Count != 1)
        {
            throw new UsageException("sample-letter needs OUT.pdf");
        }

        var (sender, number, recipient) = arguments.Value("--from") switch
        {
            null or "company-a" => ("Монгол Ачаа Тээвэр ХХК", "5123456", "Нийслэлийн Засаг Даргын Тамгын Газар"),
            "company-b" => ("Тэнгэр Програм ХХК", "6234567", "Монгол Ачаа Тээвэр ХХК"),
            "agency" => ("Нийслэлийн Засаг Даргын Тамгын Газар", "9011001", "Монгол Ачаа Тээвэр ХХК"),
            var other => throw new UsageException($"--from must be company-a, company-b or agency, not {other}"),
        };
        var pdf = DemoLetter.Create(
            new DemoLetterContent(
                sender,
                number,
                recipient,
                "2026/117",
                DateOnly.FromDateTime(DateTime.UtcNow),
                "Барилгын зөвшөөрөл олгох",
                "Манай байгууллага Улаанбаатар хотын Хан-Уул дүүргийн 15-р хороонд агуулахын барилга барих "
                    + "зөвшөөрөл авахаар "
                    + "холбогдох баримт бичгийг бүрдүүлж, хүсэлт гаргаж байна. Та бүхэн хүсэлтийг хүлээн авч, "
                    + "хуулийн хугацаанд "
                    + "шийдвэрлэж өгнө үү.\n\nХавсралт: газрын гэрчилгээний хуулбар, барилгын зураг төсөл (12 хуудас).",
                ExtraPages: int.TryParse(arguments.Value("--pages"), out var pages) ? pages : 0,
                PaddingBytes: int.TryParse(arguments.Value("--padding"), out var padding) ? padding : 0
            )
        );
        File.WriteAllBytes(arguments.Positional[0], pdf);
        stdout.WriteLine($"{arguments.Positional[0]}: unsigned letter from {sender} ({pdf.Length} bytes)");
        return CliApp.Ok;
    }
}
