using System.Globalization;

namespace Byoc.Emulator.Rest.Search;

/// <summary>
/// Parses the SOSL the <c>/search</c> resource takes (SOQL and SOSL Reference, "SOSL Syntax"):
/// <c>FIND {term} [IN ALL|NAME|EMAIL|PHONE FIELDS] [RETURNING Type[(fields [WHERE …] [ORDER BY …] [LIMIT n])], …] [LIMIT n]</c>.
/// A <c>WHERE</c> or <c>ORDER BY</c> inside RETURNING is handed to the SOQL engine as written.
/// </summary>
internal static class SoslParser
{
    private static readonly string[] s_clauseKeywords = ["WHERE", "ORDER BY", "LIMIT", "OFFSET"];

    public static SoslQuery Parse(string? text)
    {
        var sosl = (text ?? "").Trim();
        if (!StartsWithKeyword(sosl, 0, "FIND"))
        {
            throw new SearchException("MALFORMED_SEARCH", "A search starts with FIND followed by the search term in braces.");
        }

        var position = SkipSpace(sosl, 4);
        var term = ReadTerm(sosl, ref position);
        var scope = SearchScope.All;
        var returning = new List<SoslReturning>();
        int? limit = null;
        while ((position = SkipSpace(sosl, position)) < sosl.Length)
        {
            if (StartsWithKeyword(sosl, position, "IN"))
            {
                var words = ReadWords(sosl, ref position, 3);
                scope = words.Length == 3 && Is(words[2], "FIELDS") ? words[1].ToUpperInvariant() switch
                {
                    "ALL" => SearchScope.All,
                    "NAME" => SearchScope.Name,
                    "EMAIL" => SearchScope.Email,
                    "PHONE" => SearchScope.Phone,
                    _ => throw new SearchException("MALFORMED_SEARCH", $"Unknown field group IN {words[1]} FIELDS; use ALL, NAME, EMAIL or PHONE."),
                } : throw new SearchException("MALFORMED_SEARCH", "Expected IN ALL|NAME|EMAIL|PHONE FIELDS.");
            }
            else if (StartsWithKeyword(sosl, position, "RETURNING"))
            {
                position += "RETURNING".Length;
                returning.AddRange(ReadReturning(sosl, ref position));
            }
            else if (StartsWithKeyword(sosl, position, "LIMIT"))
            {
                var words = ReadWords(sosl, ref position, 2);
                limit = words.Length == 2 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new SearchException("MALFORMED_SEARCH", "LIMIT needs a positive number.");
            }
            else
            {
                throw new SearchException("MALFORMED_SEARCH", $"Unexpected text in the search at position {position}: '{sosl[position..Math.Min(sosl.Length, position + 20)]}'.");
            }
        }

        return new SoslQuery(term, scope, returning, limit);
    }

    private static SearchTerm ReadTerm(string sosl, ref int position)
    {
        if (position >= sosl.Length || sosl[position] is not ('{' or '\''))
        {
            throw new SearchException("MALFORMED_SEARCH", "No search term found. The search term must be enclosed in braces.");
        }

        var close = sosl[position] == '{' ? '}' : '\'';
        var end = position + 1;
        while (end < sosl.Length && sosl[end] != close)
        {
            end += sosl[end] == '\\' ? 2 : 1;
        }

        if (end >= sosl.Length)
        {
            throw new SearchException("MALFORMED_SEARCH", "The search term's braces are not closed.");
        }

        var term = SearchTerm.Parse(sosl[(position + 1)..end]);
        position = end + 1;
        return term;
    }

    private static List<SoslReturning> ReadReturning(string sosl, ref int position)
    {
        var list = new List<SoslReturning>();
        do
        {
            position = SkipSpace(sosl, position);
            var start = position;
            while (position < sosl.Length && (char.IsAsciiLetterOrDigit(sosl[position]) || sosl[position] == '_'))
            {
                position++;
            }

            if (position == start)
            {
                throw new SearchException("MALFORMED_SEARCH", "RETURNING needs an object name.");
            }

            var type = sosl[start..position];
            position = SkipSpace(sosl, position);
            list.Add(position < sosl.Length && sosl[position] == '(' ? ReadSpec(type, sosl, ref position) : new SoslReturning(type, [], null, null, null));
            position = SkipSpace(sosl, position);
        }
        while (position < sosl.Length && sosl[position] == ',' && ++position > 0);

        return list;
    }

    private static SoslReturning ReadSpec(string type, string sosl, ref int position)
    {
        var depth = 0;
        var end = position;
        var inQuote = false;
        for (; end < sosl.Length; end++)
        {
            var c = sosl[end];
            if (c == '\'' && (end == 0 || sosl[end - 1] != '\\'))
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '(')
            {
                depth++;
            }
            else if (!inQuote && c == ')' && --depth == 0)
            {
                break;
            }
        }

        if (end >= sosl.Length)
        {
            throw new SearchException("MALFORMED_SEARCH", $"The field list of {type} is not closed.");
        }

        var inner = sosl[(position + 1)..end];
        position = end + 1;
        var where = Clause(inner, "WHERE");
        var orderBy = Clause(inner, "ORDER BY");
        var limitText = Clause(inner, "LIMIT");
        var fieldsEnd = new[] { where.Start, orderBy.Start, limitText.Start }.Where(i => i >= 0).DefaultIfEmpty(inner.Length).Min();
        var fields = inner[..fieldsEnd].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? limit = limitText.Text is null ? null
            : int.TryParse(limitText.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new SearchException("MALFORMED_SEARCH", $"LIMIT of {type} needs a positive number.");
        return new SoslReturning(type, fields, where.Text, orderBy.Text, limit);
    }

    /// <summary>The text after a keyword up to the next clause keyword, with where the keyword starts (-1 when absent).</summary>
    private static (int Start, string? Text) Clause(string inner, string keyword)
    {
        var start = FindKeyword(inner, keyword);
        if (start < 0)
        {
            return (-1, null);
        }

        var from = start + keyword.Length;
        var end = s_clauseKeywords.Select(k => FindKeyword(inner, k, from)).Where(i => i >= 0).DefaultIfEmpty(inner.Length).Min();
        return (start, inner[from..end].Trim());
    }

    private static int FindKeyword(string text, string keyword, int from = 0)
    {
        var inQuote = false;
        for (var i = from; i <= text.Length - keyword.Length; i++)
        {
            if (text[i] == '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && StartsWithKeyword(text, i, keyword) && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] ReadWords(string sosl, ref int position, int count)
    {
        var words = new List<string>();
        for (var i = 0; i < count; i++)
        {
            position = SkipSpace(sosl, position);
            var start = position;
            while (position < sosl.Length && !char.IsWhiteSpace(sosl[position]))
            {
                position++;
            }

            if (position > start)
            {
                words.Add(sosl[start..position]);
            }
        }

        return [.. words];
    }

    private static bool StartsWithKeyword(string text, int position, string keyword) =>
        string.Compare(text, position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
        (position + keyword.Length == text.Length || !char.IsAsciiLetterOrDigit(text[position + keyword.Length]));

    private static int SkipSpace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static bool Is(string word, string keyword) => string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase);
}
