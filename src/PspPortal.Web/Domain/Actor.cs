namespace PspPortal.Web.Domain;

/// <summary>Who did something, as a history records them (a TTA request's transitions, a milestone's changes): the
/// account's id (null for the system) and the name shown.</summary>
public sealed record Actor(string? UserId, string Name);
