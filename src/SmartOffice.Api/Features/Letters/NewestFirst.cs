using SmartOffice.Exchange.Letters;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The lists' order, newest delivery first and ties by id descending, as the database orders them (PostgreSQL compares
/// a uuid's bytes in RFC 4122 order, SQLite its canonical text, and <see cref="Guid.CompareTo(Guid)"/> agrees with
/// both). A search sorts its matches in memory with it, and keyset paging then continues them exactly where the
/// database's own order would.
/// </summary>
internal sealed class NewestFirst : IComparer<Delivery>
{
    public static readonly NewestFirst Instance = new();

    public int Compare(Delivery? x, Delivery? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byTime = Nullable.Compare(y.DeliveredAt, x.DeliveredAt);
        return byTime != 0 ? byTime : y.Id.CompareTo(x.Id);
    }
}
