using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Resources;

/// <summary>What a curator enters for a resource, on /Resources/New and /Resources/{id}/Edit.</summary>
public sealed class ResourceInput
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public ResourceType? Type { get; set; }
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public List<int> CoreAreaIds { get; set; } = [];
    public List<AgencySize> Sizes { get; set; } = [];
    public Guid Version { get; set; }

    internal DateOnly Today { get; set; }

    public static ResourceInput From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new()
        {
            Title = resource.Title,
            Summary = resource.Summary,
            Type = resource.Type,
            Url = resource.Url,
            PublishedOn = resource.PublishedOn,
            CoreAreaIds = [.. resource.CoreAreas.Select(a => a.CoreAreaId)],
            Sizes = [.. resource.AgencySizes.Select(s => s.Size)],
            Version = resource.Version,
        };
    }

    /// <summary>Puts the entered values into the resource (the validator has passed).</summary>
    public void ApplyTo(Resource resource, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.Describe(Title!, Summary!, Type!.Value, Url!, PublishedOn!.Value, CoreAreaIds, Sizes, at);
    }

    /// <summary>The core areas a curator can choose: the active ones, and any retired one the resource already has.</summary>
    /// <summary>The ids of every core area, set by the page before validating (not bound from the form).</summary>
    internal IReadOnlyCollection<int> KnownCoreAreaIds { get; set; } = [];

    /// <summary>Sets what the validator needs from outside the form: the program's today and the known core areas.</summary>
    public async Task PrepareAsync(PortalDbContext db, ServiceClock serviceClock, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(serviceClock);
        Today = serviceClock.Today(time);
        KnownCoreAreaIds = await db.CoreAreas.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public static async Task<List<Choice>> CoreAreaChoicesAsync(PortalDbContext db, IEnumerable<int> chosen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = chosen.ToList();
        return await db.CoreAreas.AsNoTracking().Where(c => c.IsActive || ids.Contains(c.Id)).CoreAreaChoicesAsync(cancellationToken);
    }
}

public sealed class ResourceInputValidator : AbstractValidator<ResourceInput>
{
    // A singleton like every validator (WebServiceExtensions): no database here; the page gives the known core areas.
    public ResourceInputValidator()
    {
        RuleFor(i => i.Title).Must(Written).WithMessage("Enter the resource's title.")
            .MaximumLength(Resource.TitleMax).WithMessage($"The title has at most {Resource.TitleMax} characters.");
        RuleFor(i => i.Summary).Must(Written).WithMessage("Write a summary of the resource.")
            .MaximumLength(Resource.SummaryMax).WithMessage($"The summary has at most {Resource.SummaryMax} characters.");
        RuleFor(i => i.Type).NotNull().WithMessage("Choose the resource type.")
            .Must(t => t is null || Enum.IsDefined(t.Value)).WithMessage("Choose one of the resource types.");
        RuleFor(i => i.Url).Must(Written).WithMessage("Enter the resource's web address.")
            .Must(u => !Written(u) || Resource.IsWebAddress(u)).WithMessage("Enter a full web address that starts with https:// (or http://).")
            .MaximumLength(Resource.UrlMax).WithMessage($"The web address has at most {Resource.UrlMax} characters.");
        RuleFor(i => i.PublishedOn).NotNull().WithMessage("Enter the resource's date.")
            .Must((i, d) => d is null || d <= i.Today).WithMessage("The resource's date cannot be in the future.")
            .Must(d => d is null || d >= new DateOnly(1990, 1, 1)).WithMessage("The resource's date cannot be before 1990.");
        RuleFor(i => i.CoreAreaIds).NotEmpty().WithMessage("Choose at least one core area.")
            .Must((i, ids) => ids.All(i.KnownCoreAreaIds.Contains))
            .WithMessage("Choose core areas from the list.");
        RuleFor(i => i.Sizes).NotEmpty().WithMessage("Choose at least one agency size.")
            .Must(sizes => sizes.All(Enum.IsDefined)).WithMessage("Choose agency sizes from the list.");
    }

    private static bool Written(string? text) => !string.IsNullOrWhiteSpace(text);
}
