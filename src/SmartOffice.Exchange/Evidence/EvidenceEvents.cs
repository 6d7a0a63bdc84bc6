namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Evidence event names: ETSI EN 319 522 (registered electronic delivery) plus our business milestones.
/// </summary>
public static class EvidenceEvents
{
    public const string SubmissionAcceptance = "SubmissionAcceptance";
    public const string SubmissionRejection = "SubmissionRejection";
    public const string ContentConsignment = "ContentConsignment";
    public const string ContentConsignmentFailure = "ContentConsignmentFailure";
    public const string ContentAccessTracking = "ContentAccessTracking";
    public const string Registration = "Registration";
    public const string Assignment = "Assignment";
    public const string Answer = "Answer";
    public const string Closure = "Closure";

    /// <summary>
    /// A recipient agency sent the letter on to the competent agency: sealed once in each agency's part of the chain.
    /// </summary>
    public const string Forwarding = "Forwarding";
}
