using System.Globalization;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Tests.Rendering;

/// <summary>The one CSV set-up of every export (Pages/Shared/CsvFile).</summary>
public class CsvFileTests
{
    private sealed record Line(string? Text, DateOnly Day, DateTime? AtUtc, int Count, bool Flag);

    private static async Task<string> WriteAsync(params Line[] lines)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await CsvFile.WriteAsync(text, lines.ToAsyncEnumerable());
        return text.ToString();
    }

    [Fact]
    public async Task A_header_of_the_rows_names_then_invariant_dates_and_utc_times()
    {
        var csv = await WriteAsync(new Line("Tampa, FL", new DateOnly(2026, 11, 23), new DateTime(2026, 11, 23, 14, 5, 9, DateTimeKind.Utc), 1234, true));

        Assert.Equal("Text,Day,AtUtc,Count,Flag\r\n\"Tampa, FL\",2026-11-23,2026-11-23T14:05:09Z,1234,True\r\n", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a=b", "a=b")]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_a_quote(string value, string cell)
    {
        var csv = await WriteAsync(new Line(value, new DateOnly(2026, 1, 2), null, 0, false));

        Assert.Equal($"{cell},2026-01-02,,0,False\r\n", csv.Split("\r\n", 2)[1]);
    }
}
