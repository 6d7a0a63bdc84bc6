using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// Work done once at start: migrations, the directory, and on the embedded default the demo users and a how-to.
/// </summary>
public static class Startup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every settings problem at once, before the first use of any of them.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        EmbeddedDefaults.EnsureDemoPki(app.Configuration, app.Services.GetRequiredService<TimeProvider>());
        await app.Services.MigrateExchangeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var service = await ServiceOrganization.EnsureAsync(db, now);
        SecretFiles.Protect(app, db);
        var seedFile = app.Configuration["Directory:SeedFile"];
        if (!string.IsNullOrEmpty(seedFile) && File.Exists(seedFile))
        {
            await DirectorySeeder.SeedAsync(db, seedFile, now, CancellationToken.None);
        }

        if (
            app.Configuration.GetValue<bool>("Demo:SeedUsers")
            && EmbeddedDefaults.IsDemoAllowed(app.Configuration, app.Environment)
        )
        {
            await SeedDemoUsersAsync(db, service, now);
            app.Logger.LogInformation(
                "SmartOffice demo is ready (Development environment or Demo:Enabled; never for production). In a "
                    + "browser open /login: company 5123456 logs in with the e-Token file {P12} (password demo), "
                    + "agency staff with a user name below. Demo PKI: {Pki}. Or send the sample letter from the "
                    + "command line: "
                    + "smartoffice send LETTER.pdf --to 9011001 --p12 {CommandLineP12} --password demo --api URL. "
                    + "Agency staff logins (password 'demo'): "
                    + "bichig (registrar), gantulga (executor), dulguun (head), admin-9011001 (agency admin); "
                    + "service admin: admin.",
                Path.Combine(app.Configuration["Data:Path"]!, "pki", "p12", "company-a.p12"),
                Path.Combine(app.Configuration["Data:Path"]!, "pki"),
                Path.Combine(app.Configuration["Data:Path"]!, "pki", "p12", "company-a.p12")
            );
        }
    }

    private static async Task SeedDemoUsersAsync(ExchangeDbContext db, Organization service, DateTimeOffset now)
    {
        var agency = await db.Organizations.FirstOrDefaultAsync(o => o.RegistryNumber == "9011001");
        if (agency is null)
        {
            return;
        }

        var hasher = new PasswordHasher<StaffUser>();
        (string UserName, string Name, string Roles)[] users =
        [
            ("bichig", "Бичиг хэргийн ажилтан Сарантуяа", StaffRoles.Registrar),
            ("gantulga", "Мэргэжилтэн Гантулга", StaffRoles.Executor),
            ("dulguun", "Хэлтсийн дарга Дөлгөөн", $"{StaffRoles.Head},{StaffRoles.Executor}"),
            ("admin-9011001", "Байгууллагын админ", StaffRoles.Admin),
            ("admin", "Үйлчилгээний админ", StaffRoles.ServiceAdmin),
        ];
        foreach (var (userName, name, roles) in users)
        {
            if (!await db.StaffUsers.AnyAsync(u => u.UserName == userName))
            {
                var home = roles == StaffRoles.ServiceAdmin ? service.Id : agency.Id;
                var user = new StaffUser
                {
                    OrganizationId = home,
                    UserName = userName,
                    CreatedAt = now,
                    DisplayName = name,
                    Roles = roles,
                };
                user.PasswordHash = hasher.HashPassword(user, EmbeddedDefaults.DemoPassword);
                db.StaffUsers.Add(user);
            }
        }

        await db.SaveChangesAsync();
    }
}
