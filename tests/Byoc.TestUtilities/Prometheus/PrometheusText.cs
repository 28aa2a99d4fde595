using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Byoc.TestUtilities.Prometheus;

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4: <c># HELP</c>/<c># TYPE</c> lines, samples with
/// escaped label values, special float values and optional timestamps. Every sample must belong to the family declared
/// by the last <c># TYPE</c> (with the <c>_bucket</c>/<c>_sum</c>/<c>_count</c> suffixes of histograms and summaries), a
/// family may be declared once, a label once per sample, and histogram buckets must be cumulative and end at +Inf.
/// Anything else throws <see cref="FormatException"/> naming the line.
/// </summary>
public static partial class PrometheusText
{
    private static readonly string[] s_types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyDictionary<string, PrometheusFamily> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var families = new Dictionary<string, (string Type, string? Help, List<PrometheusSample> Samples)>(StringComparer.Ordinal);
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Length == 0)
            {
                if (i != lines.Length - 1)
                {
                    throw new FormatException($"Line {number}: empty line inside the exposition.");
                }

                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var (name, rest) = SplitName(line[7..], number);
                helps[name] = rest;
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var (name, type) = SplitName(line[7..], number);
                if (!s_types.Contains(type))
                {
                    throw new FormatException($"Line {number}: unknown type '{type}'.");
                }

                if (!families.TryAdd(name, (type, null, [])))
                {
                    throw new FormatException($"Line {number}: family '{name}' declared twice.");
                }

                current = name;
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var sample = ParseSample(line, number);
            if (current is null || !BelongsTo(sample.Name, current, families[current].Type))
            {
                throw new FormatException($"Line {number}: sample '{sample.Name}' does not belong to the declared family '{current}'.");
            }

            families[current].Samples.Add(sample);
        }

        var result = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        foreach (var (name, family) in families)
        {
            if (family.Type == "histogram")
            {
                CheckHistogram(name, family.Samples);
            }

            result[name] = new PrometheusFamily(name, family.Type, helps.GetValueOrDefault(name), family.Samples);
        }

        return result;
    }

    private static bool BelongsTo(string sample, string family, string type) =>
        sample == family
        || (type is "histogram" && (sample == family + "_bucket" || sample == family + "_sum" || sample == family + "_count"))
        || (type is "summary" && (sample == family + "_sum" || sample == family + "_count"));

    private static void CheckHistogram(string name, List<PrometheusSample> samples)
    {
        foreach (var series in samples.Where(s => s.Name == name + "_bucket")
                     .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))))
        {
            var buckets = series.ToList();
            if (buckets[^1].Labels["le"] != "+Inf")
            {
                throw new FormatException($"Histogram '{name}' series {{{series.Key}}} does not end with le=\"+Inf\".");
            }

            for (var i = 1; i < buckets.Count; i++)
            {
                if (buckets[i].Value < buckets[i - 1].Value || ParseValue(buckets[i].Labels["le"], 0) <= ParseValue(buckets[i - 1].Labels["le"], 0))
                {
                    throw new FormatException($"Histogram '{name}' series {{{series.Key}}} is not cumulative at le={buckets[i].Labels["le"]}.");
                }
            }
        }
    }

    private static (string Name, string Remainder) SplitName(string text, int number)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? text : text[..space];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"Line {number}: invalid metric name '{name}'.");
        }

        return (name, space < 0 ? string.Empty : text[(space + 1)..]);
    }

    private static PrometheusSample ParseSample(string line, int number)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' '))
        {
            position++;
        }

        var name = line[..position];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"Line {number}: invalid metric name '{name}'.");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                if (equals < 0)
                {
                    throw new FormatException($"Line {number}: label without '='.");
                }

                var label = line[position..equals];
                if (!LabelName().IsMatch(label) || line.Length <= equals + 1 || line[equals + 1] != '"')
                {
                    throw new FormatException($"Line {number}: invalid label '{label}'.");
                }

                var (value, end) = ReadQuoted(line, equals + 2, number);
                if (!labels.TryAdd(label, value))
                {
                    throw new FormatException($"Line {number}: label '{label}' repeated.");
                }

                position = end;
                if (line[position] == ',')
                {
                    position++;
                }
                else if (line[position] != '}')
                {
                    throw new FormatException($"Line {number}: expected ',' or '}}' after label '{label}'.");
                }
            }

            position++;
        }

        if (position >= line.Length || line[position] != ' ')
        {
            throw new FormatException($"Line {number}: expected a space before the value.");
        }

        var parts = line[(position + 1)..].Split(' ');
        if (parts.Length is < 1 or > 2)
        {
            throw new FormatException($"Line {number}: expected a value and an optional timestamp.");
        }

        if (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"Line {number}: invalid timestamp '{parts[1]}'.");
        }

        return new PrometheusSample(name, labels, ParseValue(parts[0], number));
    }

    private static (string Value, int End) ReadQuoted(string line, int start, int number)
    {
        var value = new StringBuilder();
        for (var i = start; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"':
                    return (value.ToString(), i + 1);
                case '\\' when i + 1 < line.Length:
                    i++;
                    value.Append(line[i] switch
                    {
                        'n' => '\n',
                        '\\' => '\\',
                        '"' => '"',
                        var other => throw new FormatException($"Line {number}: invalid escape '\\{other}'."),
                    });
                    break;
                default:
                    value.Append(line[i]);
                    break;
            }
        }

        throw new FormatException($"Line {number}: unterminated label value.");
    }

    private static double ParseValue(string text, int number) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new FormatException($"Line {number}: invalid value '{text}'."),
    };

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
