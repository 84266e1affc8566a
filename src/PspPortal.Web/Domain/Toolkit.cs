namespace PspPortal.Web.Domain;

/// <summary>A person's named, ordered selection of Clearinghouse resources with notes. Visible to its owner and to
/// exactly those it is shared with: named people, and the people with an account on a named site's team.</summary>
public class Toolkit : IVersioned
{
    public const int NameMax = 120;
    public const int NoteMax = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string OwnerId { get; set; }
    public required string OwnerName { get; set; }

    /// <summary>The strategy of a site's plan that the toolkit was built for, if any.</summary>
    public int? StrategyId { get; set; }
    public PlanStrategy? Strategy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token: changes on every change of the toolkit or its items.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ToolkitItem> Items { get; } = [];
    public List<ToolkitShare> Shares { get; } = [];

    public static Toolkit Create(string name, Actor owner, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new Toolkit
        {
            Name = RequireName(name),
            OwnerId = owner.UserId ?? throw new ToolkitException("Sign in to create a toolkit."),
            OwnerName = owner.Name,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    public void Rename(string name, DateTime at)
    {
        Name = RequireName(name);
        Touch(at);
    }

    /// <summary>Adds a resource at the end, once; a resource already in the toolkit stays where it is.</summary>
    public ToolkitItem Add(int resourceId, string? note, DateTime at)
    {
        if (Items.FirstOrDefault(i => i.ResourceId == resourceId) is { } existing)
        {
            return existing;
        }

        var item = new ToolkitItem { ResourceId = resourceId, Position = Items.Count == 0 ? 1 : Items.Max(i => i.Position) + 1, Note = Clean(note) };
        Items.Add(item);
        Touch(at);
        return item;
    }

    public void Remove(int resourceId, DateTime at)
    {
        Items.RemoveAll(i => i.ResourceId == resourceId);
        Renumber();
        Touch(at);
    }

    public void SetNote(int resourceId, string? note, DateTime at)
    {
        Item(resourceId).Note = Clean(note);
        Touch(at);
    }

    /// <summary>Moves an item one place up (<paramref name="by"/> = -1) or down (+1); at either end nothing moves.</summary>
    public void Move(int resourceId, int by, DateTime at)
    {
        var ordered = Items.OrderBy(i => i.Position).ToList();
        var index = ordered.IndexOf(Item(resourceId));
        var target = index + Math.Sign(by);
        if (target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }

        Touch(at);
    }

    /// <summary>Shares with one person (not the owner), once.</summary>
    public void ShareWithUser(string userId, string userName, Actor by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (userId == OwnerId)
        {
            throw new ToolkitException("This is your own toolkit; choose someone else to share it with.");
        }

        if (Shares.Any(s => s.UserId == userId))
        {
            return;
        }

        Shares.Add(new ToolkitShare { UserId = userId, Name = userName, SharedByName = by.Name, SharedAt = at });
        Touch(at);
    }

    /// <summary>Shares with the team of a site: everyone with an account on it, now and later.</summary>
    public void ShareWithSite(int siteId, string siteName, Actor by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Shares.Any(s => s.SiteId == siteId))
        {
            return;
        }

        Shares.Add(new ToolkitShare { SiteId = siteId, Name = siteName, SharedByName = by.Name, SharedAt = at });
        Touch(at);
    }

    public void Unshare(int shareId, DateTime at)
    {
        Shares.RemoveAll(s => s.Id == shareId);
        Touch(at);
    }

    public void SuggestFor(int? strategyId, DateTime at)
    {
        StrategyId = strategyId;
        Touch(at);
    }

    private ToolkitItem Item(int resourceId) =>
        Items.FirstOrDefault(i => i.ResourceId == resourceId) ?? throw new ToolkitException("That resource is not in this toolkit.");

    private void Renumber()
    {
        var position = 1;
        foreach (var item in Items.OrderBy(i => i.Position))
        {
            item.Position = position++;
        }
    }

    private void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    private static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ToolkitException("Give the toolkit a name.") : name.Trim();

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

/// <summary>One resource of a toolkit, at its place in the order, with the owner's note.</summary>
public class ToolkitItem
{
    public int Id { get; set; }
    public int ToolkitId { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public int Position { get; set; }
    public string? Note { get; set; }
}

/// <summary>A grant to see a toolkit: to one account (<see cref="UserId"/>) or to a site's team (<see cref="SiteId"/>).</summary>
public class ToolkitShare
{
    public int Id { get; set; }
    public int ToolkitId { get; set; }
    public string? UserId { get; set; }
    public int? SiteId { get; set; }

    /// <summary>The person's or the site's name when it was shared, for the toolkit's page.</summary>
    public required string Name { get; set; }

    public required string SharedByName { get; set; }
    public DateTime SharedAt { get; set; }
}

public class ToolkitException(string message) : InvalidOperationException(message);
