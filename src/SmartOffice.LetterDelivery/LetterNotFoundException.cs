namespace SmartOffice.LetterDelivery;

/// <summary>
/// A LetterSubmitted for a letter the database does not hold. The outbox commits a letter before its message
/// exists, so this never heals by retrying: it goes straight to the error queue to be looked at.
/// </summary>
public sealed class LetterNotFoundException : Exception
{
    public LetterNotFoundException() { }

    public LetterNotFoundException(string message)
        : base(message) { }

    public LetterNotFoundException(string message, Exception innerException)
        : base(message, innerException) { }
}
