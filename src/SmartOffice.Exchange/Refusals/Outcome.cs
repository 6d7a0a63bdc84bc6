namespace SmartOffice.Exchange.Refusals;

/// <summary>What a service did: a value, or the refusal that says why not.</summary>
public readonly record struct Outcome<T>
{
    internal Outcome(T? value, Refusal? refusal) => (Value, Refusal) = (value, refusal);

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

#pragma warning disable CA2225 // Outcome.Of and Outcome.Refused are the named alternatives.
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) =>
        new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));
#pragma warning restore CA2225
}

/// <summary>Makes outcomes where the implicit conversions cannot (interface-typed values).</summary>
public static class Outcome
{
    public static Outcome<T> Of<T>(T value) => new(value, null);

    public static Outcome<T> Refused<T>(Refusal refusal) =>
        new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
