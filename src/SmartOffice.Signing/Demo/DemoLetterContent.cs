namespace SmartOffice.Signing.Demo;

/// <summary>What a demo official letter says.</summary>
public sealed record DemoLetterContent(
    string SenderName,
    string SenderRegistryNumber,
    string RecipientName,
    string OutgoingNumber,
    DateOnly Date,
    string Subject,
    string Body,
    int ExtraPages = 0,
    int PaddingBytes = 0
);
