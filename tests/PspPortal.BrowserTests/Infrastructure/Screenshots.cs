using Microsoft.Playwright;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>Full-page pictures for docs/screenshots, taken only when PSP_SCREENSHOTS=1 so that ordinary test runs
/// leave the committed files alone.</summary>
public static class Screenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("PSP_SCREENSHOTS") == "1";

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!Enabled)
        {
            return;
        }

        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PspPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PspPortal.sln above {AppContext.BaseDirectory}");
    }
}
