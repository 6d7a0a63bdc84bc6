namespace SmartOffice.Api.Web;

/// <summary>
/// Who may open which part of the browser workspace (all on the session cookie, never the API's bearer token).
/// </summary>
public static class WorkspacePolicies
{
    /// <summary>Anyone logged in to the workspace: a company's account or agency staff.</summary>
    public const string Member = "workspace";

    /// <summary>Staff of an agency (clerks, officials, heads, agency admins).</summary>
    public const string Staff = "workspace-staff";

    /// <summary>The agency's own administrator.</summary>
    public const string AgencyAdmin = "workspace-agency-admin";

    /// <summary>The service's administrator (city-wide statistics, flagged accounts).</summary>
    public const string ServiceAdmin = "workspace-service-admin";
}
