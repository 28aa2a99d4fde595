using System.Text;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>
/// The CSV of Bulk API 2.0 (RFC 4180 quoting) with a job's <c>columnDelimiter</c> (BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON,
/// TAB) and <c>lineEnding</c> (LF, CRLF). Reading accepts either line ending.
/// </summary>
internal sealed class CsvFormat(char delimiter, string lineEnding)
{
    public static readonly IReadOnlyDictionary<string, char> Delimiters = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["BACKQUOTE"] = '`',
        ["CARET"] = '^',
        ["COMMA"] = ',',
        ["PIPE"] = '|',
        ["SEMICOLON"] = ';',
        ["TAB"] = '\t',
    };

    public static readonly IReadOnlyDictionary<string, string> LineEndings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LF"] = "\n",
        ["CRLF"] = "\r\n",
    };

    /// <summary>The rows of the text; throws <see cref="FormatException"/> on an unclosed quote.</summary>
    public List<string[]> Read(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (fieldStarted || field.Length > 0 || row.Count > 0)
                {
                    row.Add(field.ToString());
                    rows.Add([.. row]);
                }

                row.Clear();
                field.Clear();
                fieldStarted = false;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }

        if (quoted)
        {
            throw new FormatException("A quoted CSV field is not closed.");
        }

        if (fieldStarted || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    public string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(delimiter, row.Select(Quote)).Append(lineEnding);
        }

        return text.ToString();
    }

    /// <summary>Every value is quoted, as Salesforce writes result files; null is an empty field.</summary>
    private static string Quote(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
