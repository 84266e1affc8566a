namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>A demo account of PRODUCT.md with its role.</summary>
public sealed record DemoAccount(string Email, string Role)
{
    public static readonly DemoAccount Admin = new("admin@psp.example", "Administrator");
    public static readonly DemoAccount Bja = new("bja@psp.example", "BjaStaff");
    public static readonly DemoAccount Champion = new("champion@psp.example", "Champion");
    public static readonly DemoAccount Liaison = new("liaison@psp.example", "Liaison");
    public static readonly DemoAccount Analyst = new("analyst@psp.example", "Analyst");
    public static readonly DemoAccount Poc = new("poc@psp.example", "SiteContact");
    public static readonly DemoAccount Poc2 = new("poc2@psp.example", "SiteContact");

    public static IReadOnlyList<DemoAccount> All { get; } = [Admin, Bja, Champion, Liaison, Analyst, Poc, Poc2];

    /// <summary>Emails for a theory; xunit shows them in the test names.</summary>
    public static TheoryData<string> Emails => [.. All.Select(account => account.Email)];

    public static DemoAccount ByEmail(string email) => All.Single(account => account.Email == email);
}
