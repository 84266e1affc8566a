namespace PspPortal.Web.Domain;

/// <summary>The kinds of resource in the Public Safety Clearinghouse, in the order PRODUCT.md lists them.</summary>
public enum ResourceType
{
    ModelProgram,
    BestPractice,
    Training,
    TechnicalAssistance,
    Webinar,
    Podcast,
    Publication,
    LessonsLearned,
    PeerExchange,
}

/// <summary>The size of the law enforcement agency a resource suits, by sworn officers.</summary>
public enum AgencySize
{
    Under100,
    From100To499,
    From500To999,
    Over1000,
}

/// <summary>A resource of the Public Safety Clearinghouse: curated by BJA staff, visible to everyone signed in. A
/// retired resource stays in toolkits and on the requests it answered, but the Clearinghouse no longer finds it.</summary>
public class Resource : IVersioned
{
    public const int TitleMax = 200;
    public const int SummaryMax = 2000;
    public const int UrlMax = 500;

    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public ResourceType Type { get; set; }
    public required string Url { get; set; }
    public DateOnly PublishedOn { get; set; }
    public bool IsRetired { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token: changes on every edit, so two curators cannot overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ResourceCoreArea> CoreAreas { get; } = [];
    public List<ResourceAgencySize> AgencySizes { get; } = [];

    /// <summary>Sets what a curator entered: the text, type, link, date, core areas and agency sizes (at least one of each).</summary>
    public void Describe(string title, string summary, ResourceType type, string url, DateOnly publishedOn, IEnumerable<int> coreAreaIds, IEnumerable<AgencySize> sizes, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(coreAreaIds);
        ArgumentNullException.ThrowIfNull(sizes);
        var areas = coreAreaIds.Distinct().ToList();
        var sizeList = sizes.Distinct().ToList();
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(summary) || areas.Count == 0 || sizeList.Count == 0)
        {
            throw new ResourceException("A resource needs a title, a summary, at least one core area and at least one agency size.");
        }

        Title = title.Trim();
        Summary = summary.Trim();
        Type = type;
        Url = url.Trim();
        PublishedOn = publishedOn;
        CoreAreas.RemoveAll(a => !areas.Contains(a.CoreAreaId));
        foreach (var id in areas.Where(id => CoreAreas.All(a => a.CoreAreaId != id)))
        {
            CoreAreas.Add(new ResourceCoreArea { CoreAreaId = id });
        }

        AgencySizes.RemoveAll(s => !sizeList.Contains(s.Size));
        foreach (var size in sizeList.Where(size => AgencySizes.All(s => s.Size != size)))
        {
            AgencySizes.Add(new ResourceAgencySize { Size = size });
        }

        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    /// <summary>Retires the resource (or brings it back): the Clearinghouse stops (or starts again) finding it.</summary>
    public void Retire(bool retired, DateTime at)
    {
        IsRetired = retired;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    /// <summary>Whether a link is one a curator may enter: an absolute http or https address.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static string TypeDisplay(ResourceType type) => type switch
    {
        ResourceType.ModelProgram => "Model program",
        ResourceType.BestPractice => "Best practice",
        ResourceType.Training => "Training",
        ResourceType.TechnicalAssistance => "Technical assistance",
        ResourceType.Webinar => "Webinar",
        ResourceType.Podcast => "Podcast",
        ResourceType.Publication => "Publication",
        ResourceType.LessonsLearned => "Lessons learned",
        ResourceType.PeerExchange => "Peer exchange",
        _ => type.ToString(),
    };

    public static string SizeDisplay(AgencySize size) => size switch
    {
        AgencySize.Under100 => "Under 100 officers",
        AgencySize.From100To499 => "100–499",
        AgencySize.From500To999 => "500–999",
        AgencySize.Over1000 => "1,000 or more",
        _ => size.ToString(),
    };
}

/// <summary>A core area a resource serves.</summary>
public class ResourceCoreArea
{
    public int ResourceId { get; set; }
    public int CoreAreaId { get; set; }
    public CoreArea? CoreArea { get; set; }
}

/// <summary>An agency size a resource suits.</summary>
public class ResourceAgencySize
{
    public int ResourceId { get; set; }
    public AgencySize Size { get; set; }
}

/// <summary>A resource given to a TTA request as (part of) its delivery.</summary>
public class TtaRequestResource
{
    public int TtaRequestId { get; set; }
    public TtaRequest? TtaRequest { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public string? AttachedById { get; set; }
    public required string AttachedByName { get; set; }
    public DateTime AttachedAt { get; set; }

    /// <summary>A request takes resources from its approval until it is closed (as part of its delivery).</summary>
    public static bool MayAttachIn(TtaStatus status) => status is TtaStatus.Approved or TtaStatus.Scheduled or TtaStatus.Delivered;
}

public class ResourceException(string message) : InvalidOperationException(message);
