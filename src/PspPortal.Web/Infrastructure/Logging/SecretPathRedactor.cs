using System.Globalization;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace PspPortal.Web.Infrastructure.Logging;

/// <summary>Keeps the calendar feed's secret out of every log event. The feed's path, <c>/Calendar/{token}.ics</c>, is
/// the only thing that protects it (ADR 0006), and ASP.NET Core and Serilog write request paths in many properties:
/// the request log's RequestPath, the hosting "Request starting/finished" events' Path, the RequestPath of the
/// logging scope that every event of a request carries. Registered last among the enrichers in Program.cs, this
/// rewrites any property value that holds such a path (in sequences and structures too) to
/// <see cref="Redacted"/>, so no sink ever receives the token, whatever the level, status or source.</summary>
public sealed partial class SecretPathRedactor : ILogEventEnricher
{
    /// <summary>Where calendar feeds are served (Pages/Milestones/CalendarFeed maps them under it).</summary>
    public const string FeedPathPrefix = "/Calendar";

    public const string Redacted = FeedPathPrefix + "/(secret).ics";

    private const string Marker = FeedPathPrefix + "/";

    /// <summary>The segment after /Calendar/ (with or without .ics), matched without regard to case as routing is.</summary>
    [GeneratedRegex(@"/Calendar/[^/?#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedPath();

    /// <summary>The text with every calendar feed path in it replaced by <see cref="Redacted"/>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Marker, StringComparison.OrdinalIgnoreCase) ? FeedPath().Replace(text, Redacted) : text;
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var clean = Clean(value);
            if (!ReferenceEquals(clean, value))
            {
                (redacted ??= []).Add(new LogEventProperty(name, clean));
            }
        }

        foreach (var property in redacted ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The same value when it holds no feed path; otherwise a copy with the paths redacted.</summary>
    private static LogEventPropertyValue Clean(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var redacted = Redact(text);
                return ReferenceEquals(redacted, text) ? value : new ScalarValue(redacted);

            // A PathString, Uri or other object is written with its ToString(); numbers and dates cannot hold a path.
            case ScalarValue { Value: { } other } when other is not IConvertible:
                var written = Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty;
                var cleaned = Redact(written);
                return ReferenceEquals(cleaned, written) ? value : new ScalarValue(cleaned);

            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Clean).ToList();
                return sequence.Elements.Zip(elements).Any(p => !ReferenceEquals(p.First, p.Second)) ? new SequenceValue(elements) : value;

            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Clean(p.Value))).ToList();
                return structure.Properties.Zip(properties).Any(p => !ReferenceEquals(p.First.Value, p.Second.Value))
                    ? new StructureValue(properties, structure.TypeTag)
                    : value;

            case DictionaryValue dictionary:
                var pairs = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Clean(e.Key), Clean(e.Value))).ToList();
                return dictionary.Elements.Zip(pairs).Any(p => !ReferenceEquals(p.First.Key, p.Second.Key) || !ReferenceEquals(p.First.Value, p.Second.Value))
                    ? new DictionaryValue(pairs)
                    : value;

            default:
                return value;
        }
    }
}
