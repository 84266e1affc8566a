using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The one CSV set-up of the portal's downloads (/Tta/Export, /Cohorts/{id}/Export, the audit trail's export):
/// a header row of the row record's property names, then a line per row, in the invariant culture; dates as
/// yyyy-MM-dd and UTC times as yyyy-MM-ddTHH:mm:ssZ; UTF-8 with a byte-order mark, so that Excel reads accented names.
/// A cell that starts with = + - @, a tab or a carriage return gets a leading ' so that a spreadsheet shows it as text
/// and never runs it as a formula (CSV injection). Rows are written to the response as they are read.</summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string DateFormat = "yyyy-MM-dd";

    public const string UtcTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    /// <summary>A download of <paramref name="rows"/>, one line each, as <paramref name="fileName"/>.</summary>
    public static CsvFile<TRow> Of<TRow>(IAsyncEnumerable<TRow> rows, string fileName) => new(rows, fileName);

    /// <summary>Writes the rows with <see cref="Configuration"/> and the portal's date formats.</summary>
    public static async Task WriteAsync<TRow>(TextWriter writer, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken = default)
    {
        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        Formats(csv.Context.TypeConverterOptionsCache);
        await csv.WriteRecordsAsync(rows, cancellationToken);
    }

    private static void Formats(TypeConverterOptionsCache options)
    {
        options.GetOptions<DateOnly>().Formats = [DateFormat];
        options.GetOptions<DateOnly?>().Formats = [DateFormat];
        options.GetOptions<DateTime>().Formats = [UtcTimeFormat];
        options.GetOptions<DateTime?>().Formats = [UtcTimeFormat];
    }
}

/// <summary>A CSV download (see <see cref="CsvFile"/>), streamed to the response.</summary>
public sealed class CsvFile<TRow>(IAsyncEnumerable<TRow> rows, string fileName) : IActionResult
{
    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true);

    public string FileName => fileName;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = CsvFile.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();

        await using var writer = new StreamWriter(response.Body, Utf8WithMark, bufferSize: 16 * 1024, leaveOpen: true);
        await CsvFile.WriteAsync(writer, rows, context.HttpContext.RequestAborted);
    }
}
