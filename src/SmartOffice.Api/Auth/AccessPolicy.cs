using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Api.Auth;

/// <summary>
/// Who a route is for. Every caller acts only on its own organization's data (letters it sent or received).
/// </summary>
public enum Audience
{
    /// <summary>No login: health, login, the public verifier, the API's login steps.</summary>
    Anyone,

    /// <summary>
    /// Any logged-in organization: a company's account or any staff member (their own organization's data).
    /// </summary>
    Member,

    /// <summary>Agency staff (any role) and service administrators.</summary>
    Staff,

    /// <summary>A company's account or an agency admin (the organization's webhook).</summary>
    OrganizationOwner,

    /// <summary>
    /// Registers and assigns received letters: registrar, head, agency admin. Letter state: Delivered/Opened →
    /// Registered → Assigned.
    /// </summary>
    Registrar,

    /// <summary>
    /// Answers or closes a registered letter: the executor it is assigned to, the head, the agency admin.
    /// </summary>
    Executor,

    /// <summary>Reports a received letter as advertising: registrar or head.</summary>
    Reporter,

    /// <summary>Exports the agency's letters for the state archive: archivist, head, agency admin.</summary>
    Archivist,

    /// <summary>The agency's own administrator (its staff, settings).</summary>
    AgencyAdmin,

    /// <summary>
    /// The service's administrator (trust list, accounts, audit, city statistics); belongs to no agency.
    /// </summary>
    ServiceAdmin,
}

/// <summary>One route of the API or workspace and who may call it.</summary>
public sealed record AccessRule(string Method, string Route, Audience Audience, string What);

/// <summary>
/// The access policy, written once: every route the service maps and who may call it. Route declarations and the
/// clerk actions' role checks take their roles from here; a generated test calls every route as every kind of caller
/// and fails for a route without a row.
/// </summary>
public static class AccessPolicy
{
    public static readonly IReadOnlyList<AccessRule> Rules =
    [
        new("*", "/health/live", Audience.Anyone, "liveness"),
        new("*", "/health/ready", Audience.Anyone, "readiness of database, bus and CRLs"),
        new(
            "*",
            "/metrics",
            Audience.Anyone,
            "Prometheus scrape, when Telemetry:Prometheus is on; asks for Telemetry:ScrapeKey as its bearer token"
        ),
        new("GET", "/openapi/{documentName}.json", Audience.Anyone, "the API's description"),
        new("POST", "api/auth/challenge", Audience.Anyone, "a login nonce"),
        new("POST", "api/auth/token", Audience.Anyone, "certificate login"),
        new("POST", "api/auth/login", Audience.Anyone, "staff password login"),
        new("GET", "api/organizations/", Audience.Member, "the directory"),
        new("POST", "api/letters/", Audience.Member, "send a letter signed by the caller's organization"),
        new("GET", "api/inbox", Audience.Member, "letters the caller's organization received"),
        new("GET", "api/outbox", Audience.Member, "letters the caller's organization sent"),
        new("GET", "api/letters/{id:guid}", Audience.Member, "a letter the organization sent or received"),
        new(
            "GET",
            "api/letters/{id:guid}/document",
            Audience.Member,
            "its PDF (first opening by a recipient is evidenced)"
        ),
        new(
            "GET",
            "api/letters/{id:guid}/attachments/{number:int}",
            Audience.Member,
            "one of its attachments (a recipient's first look is the letter's first opening)"
        ),
        new("GET", "api/letters/{id:guid}/report", Audience.Member, "its validation report"),
        new(
            "GET",
            "api/letters/{id:guid}/evidence",
            Audience.Member,
            "its evidences: the sender all, a recipient its own"
        ),
        new("GET", "api/letters/{id:guid}/archive", Audience.Member, "its archive package, as the caller may read it"),
        new(
            "GET",
            "api/letters/{id:guid}/receipts/{recipient}",
            Audience.Member,
            "a sealed delivery receipt: the sender for any recipient, a recipient for itself"
        ),
        new(
            "POST",
            "api/letters/{id:guid}/register",
            Audience.Registrar,
            "register a received letter (Delivered or Opened)"
        ),
        new("POST", "api/letters/{id:guid}/assign", Audience.Registrar, "assign a registered letter with a due date"),
        new(
            "POST",
            "api/letters/{id:guid}/answer",
            Audience.Executor,
            "link a reply to a registered letter assigned to the caller"
        ),
        new(
            "POST",
            "api/letters/{id:guid}/close",
            Audience.Executor,
            "close a registered letter assigned to the caller"
        ),
        new(
            "POST",
            "api/letters/{id:guid}/forward",
            Audience.Registrar,
            "forward a received letter to the competent agency"
        ),
        new("POST", "api/letters/{id:guid}/report", Audience.Reporter, "report a received letter as advertising"),
        new("GET", "api/webhook/", Audience.OrganizationOwner, "the organization's webhook"),
        new("PUT", "api/webhook/", Audience.OrganizationOwner, "set the organization's webhook"),
        new("GET", "api/stats/", Audience.Staff, "the agency's statistics"),
        new("GET", "api/stats/city", Audience.ServiceAdmin, "statistics of every agency"),
        new("GET", "api/archive/export", Audience.Archivist, "the agency's letters of a period"),
        new("GET", "api/agency/users/", Audience.AgencyAdmin, "the agency's staff"),
        new("POST", "api/agency/users/", Audience.AgencyAdmin, "add a staff member"),
        new("PUT", "api/agency/users/{id:guid}", Audience.AgencyAdmin, "change a staff member (never a service admin)"),
        new("GET", "api/agency/settings", Audience.AgencyAdmin, "the agency's settings"),
        new("PUT", "api/agency/settings", Audience.AgencyAdmin, "change the agency's settings"),
        new("GET", "api/admin/accounts", Audience.ServiceAdmin, "company accounts"),
        new("POST", "api/admin/accounts", Audience.ServiceAdmin, "create an account"),
        new("POST", "api/admin/accounts/{registryNumber}/suspend", Audience.ServiceAdmin, "suspend an account"),
        new("POST", "api/admin/accounts/{registryNumber}/unsuspend", Audience.ServiceAdmin, "lift a suspension"),
        new("GET", "api/admin/audit", Audience.ServiceAdmin, "the audit trail"),
        new("GET", "api/admin/audit/verify", Audience.ServiceAdmin, "check the audit chain"),
        new("GET", "api/admin/trust", Audience.ServiceAdmin, "the trust list"),
        new("POST", "api/admin/trust/anchors", Audience.ServiceAdmin, "add a trust anchor"),
        new("POST", "api/admin/trust/crls", Audience.ServiceAdmin, "upload a CRL"),
        new("POST", "api/admin/trust/crl-urls", Audience.ServiceAdmin, "add a CRL distribution URL"),
        new("POST", "api/admin/trust/reload", Audience.ServiceAdmin, "reload trust"),
        new("*", "/hubs/mailbox", Audience.Member, "live updates of the organization's letters"),
        new("*", "/hubs/mailbox/negotiate", Audience.Member, "live updates of the organization's letters"),
        new("*", "", Audience.Anyone, "the start page (sends each user to their work)"),
        new("*", "login", Audience.Anyone, "log in"),
        new("*", "denied", Audience.Anyone, "access denied"),
        new("*", "error/{status:int}", Audience.Anyone, "error pages"),
        new("*", "verify", Audience.Anyone, "public verification of a letter, a receipt or an evidence"),
        new("GET", "/language/{culture}", Audience.Anyone, "switch the language"),
        new("GET", "/favicon.ico", Audience.Anyone, "the icon browsers ask for on their own"),
        new("*", "logout", Audience.Member, "log out"),
        new("*", "inbox", Audience.Member, "received letters"),
        new("*", "outbox", Audience.Member, "sent letters"),
        new("*", "send", Audience.Member, "send a letter"),
        new("*", "letters/{id:guid}", Audience.Member, "a letter and, for its recipient agency, its actions"),
        new("GET", "/letters/{id:guid}/document", Audience.Member, "its PDF"),
        new("GET", "/letters/{id:guid}/attachments/{number:int}", Audience.Member, "one of its attachments"),
        new("GET", "/letters/{id:guid}/evidence", Audience.Member, "its evidences"),
        new("GET", "/letters/{id:guid}/evidence/{evidenceId:guid}", Audience.Member, "one evidence"),
        new("GET", "/letters/{id:guid}/receipts/{recipient}", Audience.Member, "a sealed delivery receipt (PDF)"),
        new("*", "stats", Audience.Staff, "the agency's statistics"),
        new("*", "workload", Audience.Staff, "executors' load and reminders (heads only, checked by the page)"),
        new("*", "stats/city", Audience.ServiceAdmin, "statistics of every agency"),
        new("*", "agency", Audience.AgencyAdmin, "the agency's staff and settings"),
        new("*", "agency/users/{id:guid}", Audience.AgencyAdmin, "one staff member"),
        new("*", "admin", Audience.ServiceAdmin, "service administration"),
    ];

    public static AccessRule? Find(string method, string route) =>
        Rules.FirstOrDefault(r =>
            r.Route == route && (r.Method == "*" || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
        ) ?? (HttpMethods.IsHead(method) ? Rules.FirstOrDefault(r => r.Route == route && r.Method == "GET") : null);

    /// <summary>Whether a logged-in caller belongs to an audience.</summary>
    public static bool Admits(Caller caller, Audience audience) =>
        audience switch
        {
            Audience.Anyone or Audience.Member => true,
            Audience.Staff => caller.StaffUserId is not null,
            Audience.OrganizationOwner => (
                caller.StaffUserId is null && caller.Kind == Exchange.Organizations.OrganizationKind.Company
            ) || caller.HasRole(StaffRoles.Admin),
            _ => caller.StaffUserId is not null && RolesOf(audience).Any(caller.HasRole),
        };

    /// <summary>The staff roles an audience of letter actions admits (asked by the clerk actions).</summary>
    public static string[] RolesOf(Audience audience) =>
        audience switch
        {
            Audience.Registrar => [StaffRoles.Registrar, StaffRoles.Head, StaffRoles.Admin],
            Audience.Executor => [StaffRoles.Executor, StaffRoles.Head, StaffRoles.Admin],
            Audience.Reporter => [StaffRoles.Registrar, StaffRoles.Head],
            Audience.Archivist => [StaffRoles.Archivist, StaffRoles.Head, StaffRoles.Admin],
            Audience.AgencyAdmin => [StaffRoles.Admin],
            Audience.ServiceAdmin => [StaffRoles.ServiceAdmin],
            _ => [],
        };
}
