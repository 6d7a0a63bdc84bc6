using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Organizations;

/// <summary>
/// Loads the directory from a CSV (registry_number,name,kind[,parent]) idempotently: new organizations are
/// added, known ones get the file's name, kind and parent; nothing is deleted (removal is an admin act).
/// </summary>
public static class DirectorySeeder
{
    public static async Task<int> SeedAsync(
        ExchangeDbContext db,
        string csvPath,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = ParseCsv(await File.ReadAllLinesAsync(csvPath, cancellationToken).ConfigureAwait(false));
        var known = await db
            .Organizations.ToDictionaryAsync(o => o.RegistryNumber, cancellationToken)
            .ConfigureAwait(false);
        var changed = 0;
        foreach (var row in rows)
        {
            if (known.TryGetValue(row.RegistryNumber, out var organization))
            {
                if (
                    organization.Name != row.Name
                    || organization.Kind != row.Kind
                    || organization.ParentRegistryNumber != row.Parent
                )
                {
                    (organization.Name, organization.Kind, organization.ParentRegistryNumber) = (
                        row.Name,
                        row.Kind,
                        row.Parent
                    );
                    changed++;
                }

                continue;
            }

            db.Organizations.Add(
                new Organization
                {
                    RegistryNumber = row.RegistryNumber,
                    Name = row.Name,
                    Kind = row.Kind,
                    ParentRegistryNumber = row.Parent,
                    CreatedAt = now,
                }
            );
            known[row.RegistryNumber] = null!;
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private static List<(string RegistryNumber, string Name, OrganizationKind Kind, string? Parent)> ParseCsv(
        string[] lines
    )
    {
        var rows = new List<(string, string, OrganizationKind, string?)>();
        foreach (var (line, index) in lines.Select((l, i) => (l.Trim(), i)))
        {
            if (
                line.Length == 0
                || (index == 0 && line.StartsWith("registry_number", StringComparison.OrdinalIgnoreCase))
            )
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < 3 || !Enum.TryParse<OrganizationKind>(fields[2].Trim(), ignoreCase: true, out var kind))
            {
                throw new FormatException($"directory line {index + 1}: expected registry_number,name,kind[,parent]");
            }

            var parent = fields.Length > 3 && fields[3].Trim().Length > 0 ? fields[3].Trim() : null;
            rows.Add((fields[0].Trim(), fields[1].Trim(), kind, parent));
        }

        return rows;
    }
}
