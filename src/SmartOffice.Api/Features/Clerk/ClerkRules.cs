using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Letters;

namespace SmartOffice.Api.Features.Clerk;

/// <summary>
/// Who may take which step on a received letter, in one place for the clerk actions and the letter page.
/// </summary>
internal static class ClerkRules
{
    public static readonly string[] Registrars = AccessPolicy.RolesOf(Audience.Registrar);
    public static readonly string[] Executors = AccessPolicy.RolesOf(Audience.Executor);
    public static readonly string[] Reporters = AccessPolicy.RolesOf(Audience.Reporter);

    public static bool IsStaffWith(Caller caller, string[] roles) =>
        caller.StaffUserId is not null && roles.Any(caller.HasRole);

    /// <summary>An executor acts only on the letters assigned to them; the head and the agency admin on any.</summary>
    public static bool ActsOn(Delivery delivery, Caller caller) =>
        caller.HasRole(StaffRoles.Head)
        || caller.HasRole(StaffRoles.Admin)
        || delivery.AssignedToUserId == caller.StaffUserId;

    public static bool CanRegister(Delivery delivery, Caller caller) =>
        IsStaffWith(caller, Registrars) && DeliveryRules.CanRegister(delivery.State);

    public static bool CanAssign(Delivery delivery, Caller caller) =>
        IsStaffWith(caller, Registrars) && DeliveryRules.IsInWork(delivery.State);

    public static bool CanAnswer(Delivery delivery, Caller caller) =>
        IsStaffWith(caller, Executors) && ActsOn(delivery, caller) && DeliveryRules.IsInWork(delivery.State);

    public static bool CanClose(Delivery delivery, Caller caller) => CanAnswer(delivery, caller);

    public static bool CanForward(Delivery delivery, Caller caller) =>
        IsStaffWith(caller, Registrars) && DeliveryRules.CanForward(delivery.State);

    public static bool CanReport(Delivery delivery, Caller caller) =>
        IsStaffWith(caller, Reporters) && !delivery.IsReported;
}
