using System.Collections.Frozen;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>
/// The list of commonly used and breached passwords that NIST SP 800-63B requires new
/// passwords to be checked against. Loaded once from a UTF-8 text file with one password
/// per line; register it as a singleton.
/// </summary>
public sealed class BreachedPasswordList
{
    /// <summary>Path of the shipped list, relative to the application's base directory.</summary>
    public const string DefaultRelativePath = "Data/common-passwords.txt";

    private readonly FrozenSet<string> _passwords;

    /// <summary>Loads the list from <c>AppContext.BaseDirectory/Data/common-passwords.txt</c>.</summary>
    public BreachedPasswordList()
        : this(Path.Combine(AppContext.BaseDirectory, DefaultRelativePath))
    {
    }

    /// <summary>Loads the list from <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file holds no passwords.</exception>
    public BreachedPasswordList(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            // Fail closed: running without the list would silently skip the breach check.
            throw new FileNotFoundException(
                $"The breached-password list was not found at '{fullPath}'. " +
                "It must be copied to the output directory with the application.",
                fullPath);
        }

        _passwords = File.ReadLines(fullPath)
            .Select(static line => line.Trim())
            .Where(static line => line.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        if (_passwords.Count == 0)
        {
            throw new InvalidDataException($"The breached-password list at '{fullPath}' is empty.");
        }

        SourcePath = fullPath;
    }

    /// <summary>Full path of the file the list was loaded from.</summary>
    public string SourcePath { get; }

    /// <summary>Number of distinct (case-insensitive) passwords in the list.</summary>
    public int Count => _passwords.Count;

    /// <summary>Whether <paramref name="password"/> is in the list, ignoring case.</summary>
    public bool Contains(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _passwords.Contains(password);
    }
}
