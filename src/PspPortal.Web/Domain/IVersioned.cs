namespace PspPortal.Web.Domain;

/// <summary>A row that forms edit under optimistic concurrency: <see cref="Version"/> is renewed by the domain on each
/// change, carried by the form, and checked by <c>SaveIfUnchangedAsync</c> when the change is saved.</summary>
public interface IVersioned
{
    Guid Version { get; }
}
