using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Byoc.Emulator.Apex;

/// <summary>
/// What the Apex layer itself needs to know about an inline query: its bind variables (<c>:name</c> outside string
/// literals), its FROM type and SELECT list (for compile-time checks), and the query text with binds replaced by
/// literals for the <see cref="IApexQueryExecutor"/>.
/// </summary>
internal static partial class ApexSoql
{
    /// <summary>The bind variables in order of appearance, with their offset in the query text.</summary>
    public static IReadOnlyList<(string Name, int Offset)> BindVariables(string soql)
    {
        var binds = new List<(string, int)>();
        var inString = false;
        for (var i = 0; i < soql.Length; i++)
        {
            var c = soql[i];
            if (inString && c == '\\')
            {
                i++;
            }
            else if (c == '\'')
            {
                inString = !inString;
            }
            else if (!inString && c == ':')
            {
                var start = i + 1;
                while (start < soql.Length && char.IsWhiteSpace(soql[start]))
                {
                    start++;
                }

                var end = start;
                while (end < soql.Length && (char.IsAsciiLetterOrDigit(soql[end]) || soql[end] == '_'))
                {
                    end++;
                }

                if (end > start)
                {
                    binds.Add((soql[start..end], i));
                    i = end - 1;
                }
            }
        }

        return binds;
    }

    /// <summary>Replaces each bind variable with the SOQL literal of its value.</summary>
    public static string Bind(string soql, Func<string, object?> valueOf)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (var (name, offset) in BindVariables(soql))
        {
            var end = soql.IndexOf(name, offset, StringComparison.Ordinal) + name.Length;
            result.Append(soql, last, offset - last).Append(Literal(valueOf(name)));
            last = end;
        }

        return result.Append(soql, last, soql.Length - last).ToString();
    }

    /// <summary>The FROM type and the SELECT list, or null when the text does not have that shape.</summary>
    public static (string ObjectName, IReadOnlyList<string> Fields)? Shape(string soql)
    {
        var match = ShapePattern().Match(soql);
        if (!match.Success)
        {
            return null;
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (match.Groups["object"].Value, fields);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"'{Escape(s)}'",
        bool b => b ? "true" : "false",
        long or int or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ApexSObject o => o.Id is null ? "null" : $"'{o.Id}'",
        IEnumerable<ApexSObject> list => $"({string.Join(", ", list.Select(o => Literal(o.Id)))})",
        _ => $"'{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}'",
    };

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*select\s+(?<fields>.+?)\s+from\s+(?<object>\w+)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ShapePattern();
}
