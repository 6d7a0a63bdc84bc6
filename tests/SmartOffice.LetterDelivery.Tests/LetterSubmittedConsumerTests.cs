using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Exchange.Tests.Infrastructure;
using SmartOffice.LetterDelivery.Tests.Infrastructure;

namespace SmartOffice.LetterDelivery.Tests;

/// <summary>
/// A consumed LetterSubmitted leaves, per letter, an archive folder with the document, report, each sealed evidence and
/// a SHA-256 manifest. The consumer runs on the in-memory bus, registered as the Worker registers it.
/// </summary>
[TestClass]
public sealed class LetterSubmittedConsumerTests
{
    [TestMethod]
    public async Task Each_letter_folder_checks_with_sha256sum_after_delivery()
    {
        await using var host = await ExchangeHost.StartAsync("Sqlite", services: builder =>
        {
            builder.Services.AddSmartOfficeDelivery();
            builder.Services.AddMassTransit(bus =>
            {
                bus.SetKebabCaseEndpointNameFormatter();
                bus.AddDeliveryConsumer();
                bus.UsingSmartOfficeTransport(builder.Configuration);
            });
        });
        var message = (await AcceptedLetters.AddAsync(host, ["9011001"])).Single();
        var folder = Path.Combine(host.ArchivePath, "letters", message.LetterId.ToString("N"));

        await host.Services.GetRequiredService<IBus>().Publish(message);
        for (var i = 0; i < 100 && !File.Exists(Path.Combine(folder, "manifest-002.sha256")); i++)
        {
            await Task.Delay(100);
        }

        Assert.IsTrue(
            File.Exists(Path.Combine(folder, "manifest-002.sha256")),
            Directory.Exists(folder)
                ? string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))
                : "no letter folder"
        );
        Assert.IsTrue(File.Exists(Path.Combine(folder, "evidence-002-ContentConsignment.json")));
        using var sha256sum = Process.Start(
            new ProcessStartInfo("sha256sum", ["-c", "manifest-002.sha256"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
            }
        )!;
        var output = await sha256sum.StandardOutput.ReadToEndAsync();
        await sha256sum.WaitForExitAsync();
        Assert.AreEqual(0, sha256sum.ExitCode, output);
        StringAssert.Contains(output, "document.pdf: OK");
    }
}
