using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Evidence;

namespace SmartOffice.Exchange.Configuration;

/// <summary>
/// The settings the Api and the Worker share, each bound to its typed options once and checked at start.
/// </summary>
public static class ExchangeOptionsRegistration
{
    public static IServiceCollection AddExchangeOptions(this IServiceCollection services)
    {
        services.AddChecked<ArchiveOptions>(ArchiveOptions.SectionName, CheckArchive);
        services.AddChecked<SealOptions>(SealOptions.SectionName, CheckSeal);
        services.AddChecked<DeliveryOptions>(DeliveryOptions.SectionName, o =>
            Positive(o.MaxBatch, "Delivery:MaxBatch").Concat(Positive(o.Lanes, "Delivery:Lanes"))
        );
        services.AddChecked<OutboxOptions>(OutboxOptions.SectionName, o =>
            NotNegative(o.LagWarningSeconds, "Outbox:LagWarningSeconds")
                .Concat(AtLeast(o.LeaseSeconds, 2, "Outbox:LeaseSeconds"))
        );
        services.AddChecked<DeadlinesOptions>(DeadlinesOptions.SectionName, CheckDeadlines);
        services.AddChecked<ServiceOptions>(ServiceOptions.SectionName, CheckService);
        services.AddChecked<MessagingOptions>(MessagingOptions.SectionName, CheckMessaging);
        return services.AddDatabaseOptions();
    }

    /// <summary>
    /// Database:Provider, ConnectionStrings:SmartOffice and Data:Path, all the database registration needs.
    /// </summary>
    public static IServiceCollection AddDatabaseOptions(this IServiceCollection services)
    {
        services.AddChecked<DatabaseOptions>(DatabaseOptions.SectionName, CheckDatabase);
        services
            .AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((o, c) => o.ConnectionString ??= c.GetConnectionString("SmartOffice"));
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName);
        return services;
    }

    /// <summary>
    /// Binds section <paramref name="section"/> to <typeparamref name="T"/> and stops the start when <paramref
    /// name="problems"/> finds any.
    /// </summary>
    public static OptionsBuilder<T> AddChecked<T>(
        this IServiceCollection services,
        string section,
        Func<T, IEnumerable<string>> problems
    )
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new OptionChecks<T>(problems));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private static IEnumerable<string> Positive(int value, string key)
    {
        if (value < 1)
        {
            yield return $"{key} is {value}: set a number of 1 or more.";
        }
    }

    private static IEnumerable<string> AtLeast(int value, int minimum, string key)
    {
        if (value < minimum)
        {
            yield return $"{key} is {value}: set {minimum} or more.";
        }
    }

    private static IEnumerable<string> NotNegative(int value, string key)
    {
        if (value < 0)
        {
            yield return $"{key} is {value}: set 0 or more.";
        }
    }

    private static IEnumerable<string> CheckArchive(ArchiveOptions options)
    {
        string? problem = null;
        try
        {
            Directory.CreateDirectory(options.Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem =
                $"Archive:Path '{options.Path}' cannot be created ({exception.Message}): point it at a folder this "
                + $"service may write.";
        }

        if (problem is not null)
        {
            yield return problem;
        }

        if (options.Sync is { Length: > 0 } sync && !Enum.TryParse<Archive.ArchiveSync>(sync, ignoreCase: true, out _))
        {
            yield return $"Archive:Sync is '{sync}': set FileSystem (the default) or File.";
        }
    }

    private static IEnumerable<string> CheckSeal(SealOptions options)
    {
        if (string.IsNullOrEmpty(options.CertificatePath))
        {
            return
            [
                "Seal:CertificatePath is not set: point it at the service's seal (a .p12 file) and set Seal:Password.",
            ];
        }

        if (!File.Exists(options.CertificatePath))
        {
            return
            [
                $"Seal:CertificatePath '{options.CertificatePath}' does not exist: point it at the service's seal "
                    + $"(a .p12 file).",
            ];
        }

        try
        {
            SealLoader
                .Load(options.CertificatePath, options.Password, options.FormerCertificates)
                .Certificate.Dispose();
            return [];
        }
        catch (Exception exception)
            when (exception is System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            return
            [
                $"Seal:CertificatePath '{options.CertificatePath}' cannot be opened ({exception.Message}): check "
                    + $"Seal:Password and Seal:FormerCertificates.",
            ];
        }
    }

    private static IEnumerable<string> CheckDeadlines(DeadlinesOptions options)
    {
        if (options.DefaultWorkingDays is < 1 or > 90)
        {
            yield return $"Deadlines:DefaultWorkingDays is {options.DefaultWorkingDays}: set 1 to 90.";
        }

        foreach (var entry in options.Holidays.Where(e => !HolidayCalendar.TryParse(e, out _, out _)))
        {
            yield return $"Deadlines:Holidays has '{entry}': write each holiday as yyyy-MM-dd or MM-dd.";
        }
    }

    private static IEnumerable<string> CheckService(ServiceOptions options)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            yield return $"Service:TimeZone '{options.TimeZone}' is not a time zone this machine knows: use an IANA "
                + $"name such as Asia/Ulaanbaatar.";
        }

        if (options.ShutdownSeconds < 0)
        {
            yield return $"Service:ShutdownSeconds is {options.ShutdownSeconds}: set 0 or more.";
        }
    }

    private static IEnumerable<string> CheckMessaging(MessagingOptions options)
    {
        if (options.IsRabbitMq && options.RabbitMq.Port is < 1 or > ushort.MaxValue)
        {
            yield return $"Messaging:RabbitMq:Port is {options.RabbitMq.Port}: set the broker's AMQP port (5672).";
        }
    }

    private static IEnumerable<string> CheckDatabase(DatabaseOptions options)
    {
        if (
            !string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
            && !options.IsPostgres
        )
        {
            yield return $"Database:Provider is '{options.Provider}': set Sqlite (the embedded default) or Postgres.";
        }
        else if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "ConnectionStrings:SmartOffice is not set: PostgreSQL needs a connection string "
                + "(Host=…;Database=…;Username=…).";
        }
    }
}
