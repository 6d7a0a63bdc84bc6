namespace SmartOffice.Signing.Tests.Validation.Corpus;

internal static class ReportAssert
{
    public static void Refused(ValidationReport report, string code)
    {
        Assert.AreEqual(code, report.Code, $"{report.Code}: {report.Message}");
        Assert.IsFalse(report.Accepted);
        Assert.AreNotEqual(Indications.TotalPassed, report.Indication);
        Assert.IsFalse(string.IsNullOrWhiteSpace(report.Message));
        Assert.IsFalse(string.IsNullOrWhiteSpace(report.MessageMn));
        Assert.AreEqual(64, report.DocumentSha256?.Length ?? 64);
    }

    public static void Accepted(ValidationReport report)
    {
        Assert.IsTrue(
            report.Accepted,
            $"{report.Code}: {report.Message} | "
                + $"{string.Join(" | ", report.Checks.Select(c => $"{c.Name}={c.Passed}: {c.Detail}"))}"
        );
        Assert.AreEqual(ValidationCodes.Ok, report.Code);
        Assert.AreEqual(Indications.TotalPassed, report.Indication);
        Assert.AreEqual(11, report.Checks.Count, string.Join(", ", report.Checks.Select(c => c.Name)));
        Assert.IsTrue(report.Checks.All(c => c.Passed));
    }
}
