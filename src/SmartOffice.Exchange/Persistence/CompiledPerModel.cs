using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// A compiled EF query for each model it meets: EF binds a compiled query to the model it first ran against, and one
/// process can hold two (SQLite and PostgreSQL, as the tests do).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
    }
}
