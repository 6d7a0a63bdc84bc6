namespace SmartOffice.Cli.Commands;

/// <summary>
/// The e-Token file's password: SMARTOFFICE_P12_PASSWORD, or a prompt on the terminal without echo. --password still
/// works for scripts that must, but other users of the machine can read a command line.
/// </summary>
internal static class P12Password
{
    public const string Variable = "SMARTOFFICE_P12_PASSWORD";

    public static string? Resolve(Arguments arguments, TextWriter prompt)
    {
        if (arguments.Value("--password") is { } given)
        {
            return given;
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return null;
        }

        prompt.Write("Password of the .p12 file: ");
        var password = new System.Text.StringBuilder();
        for (
            var key = Console.ReadKey(intercept: true);
            key.Key != ConsoleKey.Enter;
            key = Console.ReadKey(intercept: true)
        )
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return password.ToString();
    }
}
