using System.Text.RegularExpressions;

namespace PspPortal.Tests.Docs;

/// <summary>A newcomer on a fresh clone has the repository and nothing else: every link of the README and docs/ that is
/// not a web address names a file or folder inside the repository, and a link to a heading names one that exists.</summary>
public partial class DocumentLinkTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PspPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No PspPortal.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdownFile) =>
        [.. Heading().Matches(File.ReadAllText(markdownFile)).Select(m =>
            NotInAnchor().Replace(m.Groups["text"].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-'))];

    [Fact]
    public void Every_link_of_the_readme_and_docs_that_is_not_a_web_address_stays_in_the_repository_and_exists()
    {
        var root = RepositoryRoot();
        var documents = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(root, "README.md"))
            .ToList();
        var broken = new List<string>();

        foreach (var document in documents)
        {
            var name = Path.GetRelativePath(root, document);
            foreach (var target in Link().Matches(File.ReadAllText(document)).Select(m => m.Groups["target"].Value))
            {
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = target.Split('#', 2);
                var file = parts[0].Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(parts[0])));
                if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    broken.Add($"{name} links outside the repository: {target}");
                }
                else if (!File.Exists(file) && !Directory.Exists(file))
                {
                    broken.Add($"{name} links to a file that does not exist: {target}");
                }
                else if (parts.Length == 2 && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(file).Contains(parts[1]))
                {
                    broken.Add($"{name} links to a heading that does not exist: {target}");
                }
            }
        }

        Assert.True(documents.Count > 5, "The README and docs/ were not found");
        Assert.Empty(broken);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} +(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N} \-]")]
    private static partial Regex NotInAnchor();
}
