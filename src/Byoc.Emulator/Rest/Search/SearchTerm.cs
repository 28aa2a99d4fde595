using System.Text;
using System.Text.RegularExpressions;

namespace Byoc.Emulator.Rest.Search;

/// <summary>
/// A SOSL search term (SOQL and SOSL Reference, "FIND {SearchQuery}"): words and "quoted phrases", <c>*</c> and <c>?</c>
/// wildcards, AND, OR, AND NOT and parentheses; words side by side must all match. A word matches a whole word of a field
/// value, case-insensitively; punctuation splits words, so <c>ada@example.com</c> matches as a phrase. Stemming and
/// synonyms are not emulated.
/// </summary>
internal sealed class SearchTerm
{
    private readonly Node _root;

    private SearchTerm(Node root) => _root = root;

    public static SearchTerm Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new SearchException("MALFORMED_SEARCH", "No search term found. The search term must be enclosed in braces.");
        }

        var position = 0;
        var root = ParseOr(tokens, ref position);
        if (position < tokens.Count)
        {
            throw new SearchException("MALFORMED_SEARCH", $"Unexpected '{tokens[position]}' in the search term.");
        }

        return new SearchTerm(root);
    }

    /// <summary>True when the term matches the words of the given field values.</summary>
    public bool Matches(IReadOnlyList<IReadOnlyList<string>> fieldWords) => _root.Matches(fieldWords);

    /// <summary>The words of a value, lower-cased; letters and digits make words.</summary>
    public static List<string> Words(string value)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c) || c is '*' or '?')
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new SearchException("MALFORMED_SEARCH", "A quoted phrase in the search term is not closed.");
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
                {
                    i += text[i] == '\\' && i + 1 < text.Length ? 2 : 1;
                }

                tokens.Add(text[start..i].Replace("\\", "", StringComparison.Ordinal));
            }
        }

        return tokens;
    }

    private static Node ParseOr(List<string> tokens, ref int position)
    {
        var left = ParseAnd(tokens, ref position);
        while (position < tokens.Count && Is(tokens[position], "OR"))
        {
            position++;
            left = new Or(left, ParseAnd(tokens, ref position));
        }

        return left;
    }

    private static Node ParseAnd(List<string> tokens, ref int position)
    {
        var left = ParseUnary(tokens, ref position);
        while (position < tokens.Count && tokens[position] != ")" && !Is(tokens[position], "OR"))
        {
            var negate = false;
            if (Is(tokens[position], "AND"))
            {
                position++;
                if (position < tokens.Count && Is(tokens[position], "NOT"))
                {
                    negate = true;
                    position++;
                }
            }

            var right = ParseUnary(tokens, ref position);
            left = new And(left, negate ? new Not(right) : right);
        }

        return left;
    }

    private static Node ParseUnary(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new SearchException("MALFORMED_SEARCH", "The search term ends where a word was expected.");
        }

        var token = tokens[position++];
        if (token == "(")
        {
            var inner = ParseOr(tokens, ref position);
            if (position >= tokens.Count || tokens[position++] != ")")
            {
                throw new SearchException("MALFORMED_SEARCH", "A parenthesis in the search term is not closed.");
            }

            return inner;
        }

        if (token == ")" || Is(token, "AND") || Is(token, "OR") || Is(token, "NOT"))
        {
            throw new SearchException("MALFORMED_SEARCH", $"Unexpected '{token}' in the search term.");
        }

        var words = Words(token.Trim('"'));
        if (words.Sum(w => w.Count(char.IsLetterOrDigit)) < 2)
        {
            throw new SearchException("INVALID_SEARCH", $"search term must be longer than one character: {token}");
        }

        return new Phrase([.. words.Select(Pattern)]);
    }

    private static Regex Pattern(string word) =>
        new("^" + Regex.Escape(word).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static bool Is(string token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);

    private abstract record Node
    {
        public abstract bool Matches(IReadOnlyList<IReadOnlyList<string>> fieldWords);
    }

    private sealed record Phrase(Regex[] Words) : Node
    {
        public override bool Matches(IReadOnlyList<IReadOnlyList<string>> fieldWords) => fieldWords.Any(field =>
            Enumerable.Range(0, Math.Max(0, field.Count - Words.Length + 1))
                .Any(start => Words.Select((w, i) => w.IsMatch(field[start + i])).All(m => m)));
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool Matches(IReadOnlyList<IReadOnlyList<string>> fieldWords) => Left.Matches(fieldWords) && Right.Matches(fieldWords);
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool Matches(IReadOnlyList<IReadOnlyList<string>> fieldWords) => Left.Matches(fieldWords) || Right.Matches(fieldWords);
    }

    private sealed record Not(Node Inner) : Node
    {
        public override bool Matches(IReadOnlyList<IReadOnlyList<string>> fieldWords) => !Inner.Matches(fieldWords);
    }
}
