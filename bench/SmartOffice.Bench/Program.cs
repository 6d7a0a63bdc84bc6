using SmartOffice.Bench;

// dotnet run -c Release --project bench/SmartOffice.Bench [validation]
var which = args.FirstOrDefault() ?? "validation";
return which switch
{
    "validation" => ValidationBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SmartOffice.Bench [validation]");
    return 2;
}
