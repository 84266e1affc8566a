namespace PspPortal.Web.Domain;

/// <summary>One of the areas in which PSP gives assistance. Reference data: BJA staff add, rename and retire them.</summary>
public class CoreArea
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public static IReadOnlyList<string> Today { get; } =
    [
        "Criminal Justice Collaboration",
        "Community Engagement",
        "Crime Analysis",
        "Gun Violence",
        "Constitutional Policing",
        "Federal Partnerships",
        "Technology",
        "Investigations",
    ];
}
