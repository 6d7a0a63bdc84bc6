using System.Globalization;
using System.Net;
using System.Text;

namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// The received/answered trend as inline SVG drawn on the server: no chart library, no script, prints and zooms
/// cleanly. Bars for received letters, a line for answered ones; the page pairs it with a data table for screen
/// readers.
/// </summary>
internal static class TrendChart
{
    private const int Width = 720;
    private const int Height = 220;
    private const int Left = 40;
    private const int Bottom = 28;
    private const int Top = 12;

    /// <param name="dayLabel">An axis label for a day, in the page's date format.</param>
    public static string Svg(
        IReadOnlyList<TrendPoint> points,
        string title,
        string description,
        Func<DateOnly, string> dayLabel
    )
    {
        var svg = new StringBuilder();
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title "
                + $"chart-desc\" preserveAspectRatio=\"xMidYMid meet\">"
        );
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<title id=\"chart-title\">{WebUtility.HtmlEncode(title)}</title><desc "
                + $"id=\"chart-desc\">{WebUtility.HtmlEncode(description)}</desc>"
        );
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => Math.Max(p.Received, p.Answered)));
        var plotHeight = Height - Top - Bottom;
        var slot = points.Count == 0 ? 0 : (double)(Width - Left - 8) / points.Count;
        double Y(int value) => Top + plotHeight - (value * (double)plotHeight / max);

        // Three gridlines with their values.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var value = (int)Math.Round(max * fraction);
            var y = Y(value);
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>"
            );
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value}</text>"
            );
        }

        var line = new StringBuilder();
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = Left + (i * slot);
            var barWidth = Math.Max(1, slot * 0.7);
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<rect class=\"received\" x=\"{x + (slot * 0.15):0.#}\" y=\"{Y(point.Received):0.#}\" "
                    + $"width=\"{barWidth:0.#}\" height=\"{Height - Bottom - Y(point.Received):0.#}\"/>"
            );
            line.Append(CultureInfo.InvariantCulture, $"{x + (slot / 2):0.#},{Y(point.Answered):0.#} ");
            if (i % labelEvery == 0)
            {
                svg.Append(
                    CultureInfo.InvariantCulture,
                    $"<text class=\"axis\" x=\"{x + (slot / 2):0.#}\" y=\"{Height - 8}\" "
                        + $"text-anchor=\"middle\">{WebUtility.HtmlEncode(dayLabel(point.Start))}</text>"
                );
            }
        }

        if (points.Count > 0)
        {
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<polyline class=\"answered\" points=\"{line.ToString().TrimEnd()}\"/>"
            );
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
