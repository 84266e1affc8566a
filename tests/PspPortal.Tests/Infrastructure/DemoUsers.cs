namespace PspPortal.Tests.Infrastructure;

/// <summary>The demo accounts of PRODUCT.md.</summary>
public static class DemoUsers
{
    public const string Admin = "admin@psp.example";
    public const string Bja = "bja@psp.example";
    public const string Champion = "champion@psp.example";
    public const string Liaison = "liaison@psp.example";
    public const string Analyst = "analyst@psp.example";
    public const string Poc = "poc@psp.example";
    public const string Poc2 = "poc2@psp.example";

    public static TheoryData<string> All => [Admin, Bja, Champion, Liaison, Analyst, Poc, Poc2];
}
