using SmartOffice.Bench;

// dotnet run -c Release --project bench/SmartOffice.Bench [validation|submission]
var which = args.FirstOrDefault() ?? "validation";
return which switch
{
    "validation" => ValidationBenchmark.Run(),
    "submission" => await SubmissionBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SmartOffice.Bench [validation|submission]");
    return 2;
}
