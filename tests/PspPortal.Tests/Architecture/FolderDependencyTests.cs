using System.Reflection;

namespace PspPortal.Tests.Architecture;

/// <summary>The borders between the web project's folders (docs/architecture.md, "Folders and who may use whom"),
/// checked on the compiled assembly so that a fully qualified name or a view's path cannot slip past them.</summary>
public class FolderDependencyTests
{
    private static readonly string BaseClassLibrary = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private static readonly string[] TopLevel = ["Domain", "Data", "Authorization", "Infrastructure", "Pages"];

    private static string TopOf(string folder) => folder.Split('.')[0];

    private static string Describe(IEnumerable<WebAssemblyReferences.Reference> references) =>
        string.Join(Environment.NewLine, references
            .GroupBy(r => (r.From, To: r.To ?? r.UsedAssembly?.GetName().Name, r.User))
            .Select(g => $"{g.Key.From} -> {g.Key.To}: {g.Key.User} uses {string.Join(", ", g.Select(r => r.Used).Distinct().Order(StringComparer.Ordinal).Take(4))}")
            .Order(StringComparer.Ordinal));

    [Fact]
    public void The_assembly_reader_sees_uses_by_type_by_call_and_by_view_path()
    {
        var references = WebAssemblyReferences.References;

        // A page model's constructor parameter, a static call in a method body, and a view that names its model.
        Assert.Contains(references, r => r.From == "Pages.Tta" && r.To == "Data" && r.Used == "PspPortal.Web.Data.PortalDbContext");
        Assert.Contains(references, r => r.From == "Pages.Tta" && r.To == "Domain" && r.Used == "PspPortal.Web.Domain.TtaWorkflow");
        Assert.Contains(references, r => r.From == "Pages.Tta" && r.User == "/Pages/Tta/Index.cshtml" && r.To == "Domain");
        Assert.Contains(references, r => r.User == "/Pages/Sites/Details.cshtml" && r.Used.EndsWith(".TtaRequestsViewComponent", StringComparison.Ordinal));
        Assert.Equal("Pages.Sites", WebAssemblyReferences.FolderOfPath("/Pages/Sites/Index.cshtml"));
        Assert.Equal("Pages", WebAssemblyReferences.FolderOfPath("/Pages/Index.cshtml"));
        Assert.Equal("Infrastructure", WebAssemblyReferences.FolderOf("PspPortal.Web.Infrastructure.Security"));
    }

    [Fact]
    public void Domain_depends_on_nothing_but_the_base_class_library()
    {
        var outside = WebAssemblyReferences.References
            .Where(r => r.From == "Domain" && (r.To is not null || !IsBaseClassLibrary(r.UsedAssembly)))
            .ToList();

        Assert.True(outside.Count == 0, "Domain must use only itself and the .NET base class library:" + Environment.NewLine + Describe(outside));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_pages()
    {
        var toPages = WebAssemblyReferences.References
            .Where(r => r.From == "Infrastructure" && r.To is not null && TopOf(r.To) == "Pages")
            .ToList();

        Assert.True(toPages.Count == 0, "Infrastructure must not use Pages (a feature registers or maps itself):" + Environment.NewLine + Describe(toPages));
    }

    [Fact]
    public void A_feature_folder_uses_no_other_feature_folder_only_Shared()
    {
        // Pages.Shared uses no feature; the home page (Pages) and each feature use themselves and Pages.Shared only.
        var across = WebAssemblyReferences.References
            .Where(r => r.To is not null && TopOf(r.From) == "Pages" && TopOf(r.To) == "Pages" && r.To != "Pages.Shared")
            .ToList();

        Assert.True(across.Count == 0, "A feature folder under Pages may use Pages.Shared, never another feature:" + Environment.NewLine + Describe(across));
    }

    [Fact]
    public void The_top_level_folders_have_no_import_cycle()
    {
        var edges = WebAssemblyReferences.References
            .Where(r => r.To is not null && TopOf(r.From) != TopOf(r.To))
            .GroupBy(r => (From: TopOf(r.From), To: TopOf(r.To!)))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(edges.Keys, e => Assert.Contains(e.From, TopLevel));

        var cycles = new List<string>();
        foreach (var start in TopLevel)
        {
            // Every path back to where it started, through folders later in the list than the start (each cycle once).
            void Walk(string folder, List<string> path)
            {
                foreach (var next in edges.Keys.Where(e => e.From == folder).Select(e => e.To))
                {
                    if (next == start)
                    {
                        var cycle = path.Append(start).ToList();
                        var steps = cycle.Zip(cycle.Skip(1)).Select(step => Describe(edges[step].Take(10)));
                        cycles.Add(string.Join(" -> ", cycle) + Environment.NewLine + string.Join(Environment.NewLine, steps));
                    }
                    else if (Array.IndexOf(TopLevel, next) > Array.IndexOf(TopLevel, start) && !path.Contains(next))
                    {
                        Walk(next, [.. path, next]);
                    }
                }
            }

            Walk(start, [start]);
        }

        Assert.True(cycles.Count == 0, "Folders that use each other:" + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, cycles));
    }

    private static bool IsBaseClassLibrary(Assembly? assembly) =>
        assembly is not null && string.Equals(Path.GetDirectoryName(assembly.Location), BaseClassLibrary, StringComparison.Ordinal);
}
