namespace SmartOffice.Exchange.Configuration;

/// <summary>The bus between the Api and the Workers (section "Messaging").</summary>
public sealed record MessagingOptions
{
    public const string SectionName = "Messaging";
    public const string RabbitMqTransport = "RabbitMq";

    /// <summary>"RabbitMq", or anything else for the in-process bus of the embedded default.</summary>
    public string Transport { get; init; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; init; } = new();

    public bool IsRabbitMq => string.Equals(Transport, RabbitMqTransport, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The broker (section "Messaging:RabbitMq").</summary>
public sealed record RabbitMqOptions
{
    public const string SectionName = "Messaging:RabbitMq";

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5672;

    /// <summary>A cluster's nodes, "host:port" separated by "," or ";"; replaces Host and Port when set.</summary>
    public string? ClusterNodes { get; init; }

    public string Username { get; init; } = "guest";

    public string Password { get; init; } = "guest";

    public string VirtualHost { get; init; } = "/";
}
