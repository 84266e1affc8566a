using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

/// <summary>A request taken through the workflow to Approved at <see cref="At"/> by <see cref="Liaison"/>, for the
/// domain tests of what may happen to it next.</summary>
internal static class ApprovedRequests
{
    public static readonly DateTime At = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    public static readonly Actor Liaison = new("user-1", "Sam Liaison");

    public static TtaRequest New(string referenceNumber, string title)
    {
        var request = new TtaRequest
        {
            ReferenceNumber = referenceNumber,
            Title = title,
            Description = "A need.",
            DesiredOutcome = "An outcome.",
            RequesterName = "Marcus Bell",
            NeededBy = new DateOnly(2027, 3, 1),
            CreatedAt = At.AddDays(-10),
            UpdatedAt = At.AddDays(-10),
        };
        request.Apply(TtaAction.Submit, Liaison, At.AddDays(-9));
        request.Apply(TtaAction.StartReview, Liaison, At.AddDays(-8));
        request.Apply(TtaAction.Approve, Liaison, At);
        return request;
    }
}
