using SmartOffice.Bench;

// dotnet run -c Release --project bench/SmartOffice.Bench [validation|seal|submission|delivery|inbox|memory]
var which = args.FirstOrDefault() ?? "validation";
return which switch
{
    "validation" => ValidationBenchmark.Run(),
    "seal" => SealBenchmark.Run(),
    "submission" => await SubmissionBenchmark.RunAsync(),
    "delivery" => await DeliveryBenchmark.RunAsync(),
    "inbox" => await InboxBenchmark.RunAsync(),
    "memory" => await MemoryBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SmartOffice.Bench [validation|seal|submission|delivery|inbox|memory]");
    return 2;
}
