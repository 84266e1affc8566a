using System.Text.Json;
using System.Text.Json.Serialization;

namespace PspPortal.Web.Pages.Map;

/// <summary>The United States for /Map: the state shapes made once by scripts/us-map/make-us-map.mjs from the Census
/// Bureau's boundaries in us-atlas (see <see cref="Source"/>), and the same projection for a site's coordinates: an
/// Albers USA-style composite of conic equal-area projections, with Alaska, Hawaii and Puerto Rico as insets.</summary>
public sealed class UsMap
{
    private static readonly Lazy<UsMap> Loaded = new(Load);

    public static UsMap Instance => Loaded.Value;

    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("width")] public double Width { get; init; }
    [JsonPropertyName("height")] public double Height { get; init; }
    [JsonPropertyName("parts")] public required Dictionary<string, Part> Parts { get; init; }
    [JsonPropertyName("insets")] public required Dictionary<string, double[]> Insets { get; init; }
    [JsonPropertyName("checks")] public required List<Check> Checks { get; init; }
    [JsonPropertyName("states")] public required List<State> States { get; init; }

    public sealed record State([property: JsonPropertyName("fips")] string Fips, [property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("part")] string Part, [property: JsonPropertyName("path")] string Path);

    public sealed record Check([property: JsonPropertyName("lon")] double Lon, [property: JsonPropertyName("lat")] double Lat, [property: JsonPropertyName("part")] string Part, [property: JsonPropertyName("x")] double X, [property: JsonPropertyName("y")] double Y);

    /// <summary>One conic equal-area projection of the composite, with d3-geo's parameters.</summary>
    public sealed class Part
    {
        [JsonPropertyName("rotate")] public double Rotate { get; init; }
        [JsonPropertyName("center")] public required double[] Center { get; init; }
        [JsonPropertyName("parallels")] public required double[] Parallels { get; init; }
        [JsonPropertyName("scale")] public double Scale { get; init; }
        [JsonPropertyName("translate")] public required double[] Translate { get; init; }

        /// <summary>d3-geo's geoConicEqualArea().rotate([rotate, 0]).center(center).parallels(parallels).scale(k).translate(t).</summary>
        public (double X, double Y) Project(double longitude, double latitude)
        {
            var (x, y) = Raw(Wrap(Radians(longitude + Rotate)), Radians(latitude));
            var (cx, cy) = Raw(Radians(Center[0]), Radians(Center[1]));
            return (Translate[0] + Scale * (x - cx), Translate[1] - Scale * (y - cy));
        }

        private (double X, double Y) Raw(double lambda, double phi)
        {
            var sy0 = Math.Sin(Radians(Parallels[0]));
            var n = (sy0 + Math.Sin(Radians(Parallels[1]))) / 2;
            var c = 1 + sy0 * (2 * n - sy0);
            var r0 = Math.Sqrt(c) / n;
            var r = Math.Sqrt(c - 2 * n * Math.Sin(phi)) / n;
            return (r * Math.Sin(lambda * n), r0 - r * Math.Cos(lambda * n));
        }

        private static double Radians(double degrees) => degrees * Math.PI / 180;

        private static double Wrap(double lambda) => lambda > Math.PI ? lambda - 2 * Math.PI : lambda < -Math.PI ? lambda + 2 * Math.PI : lambda;
    }

    /// <summary>The inset a place of a state is drawn in.</summary>
    public static string PartOf(string state) => state switch
    {
        "AK" => "alaska",
        "HI" => "hawaii",
        "PR" => "puertoRico",
        _ => "lower48",
    };

    /// <summary>Where a site of <paramref name="state"/> at the coordinates falls on the map.</summary>
    public (double X, double Y) Project(string state, double latitude, double longitude) => Parts[PartOf(state)].Project(longitude, latitude);

    private static UsMap Load()
    {
        using var stream = typeof(UsMap).Assembly.GetManifestResourceStream("PspPortal.Web.Pages.Map.UsStates.json")
            ?? throw new InvalidOperationException("The state shapes of /Map are not in the assembly.");
        return JsonSerializer.Deserialize<UsMap>(stream) ?? throw new InvalidOperationException("The state shapes of /Map could not be read.");
    }
}
