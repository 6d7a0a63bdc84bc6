using System.Linq.Expressions;

namespace SmartOffice.Exchange.Letters;

/// <summary>
/// Which state a delivery must be in for each step, in one place for the services, the API and the pages.
/// </summary>
public static class DeliveryRules
{
    /// <summary>The recipient has the letter: delivered, and not refused by the Worker. Usable in queries.</summary>
    public static readonly Expression<Func<Delivery, bool>> Received = d =>
        d.State != DeliveryState.Queued && d.State != DeliveryState.NotDelivered;

    /// <summary>
    /// Received by <paramref name="organizationId"/>: the rule for reading, listing and acting on a letter.
    /// </summary>
    public static Expression<Func<Delivery, bool>> ReceivedBy(Guid organizationId) =>
        d =>
            d.RecipientOrganizationId == organizationId
            && d.State != DeliveryState.Queued
            && d.State != DeliveryState.NotDelivered;

    public static bool IsReceived(DeliveryState state) =>
        state is not (DeliveryState.Queued or DeliveryState.NotDelivered);

    /// <summary>Registration gives the incoming number to a letter that arrived and is not registered yet.</summary>
    public static bool CanRegister(DeliveryState state) => state is DeliveryState.Delivered or DeliveryState.Opened;

    /// <summary>
    /// Assigning, answering and closing need a registered letter that is neither answered nor closed.
    /// </summary>
    public static bool IsInWork(DeliveryState state) => state is DeliveryState.Registered or DeliveryState.Assigned;

    /// <summary>A letter the agency has and has not finished with may be forwarded to the competent agency.</summary>
    public static bool CanForward(DeliveryState state) => CanRegister(state) || IsInWork(state);
}
