using System.Globalization;
using System.Text;

namespace Byoc.Emulator.Soql;

/// <summary>Splits SOQL text into tokens; string escapes follow the SOQL reference ("Quoted String Escape Sequences").</summary>
internal static class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string text)
    {
        var tokens = new List<SoqlToken>();
        try
        {
            Read(text, tokens);
        }
        catch (SoqlException e)
        {
            tokens.Add(new SoqlToken(SoqlTokenKind.Invalid, "", e.Position, e));
        }

        return tokens;
    }

    private static void Read(string text, List<SoqlToken> tokens)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.End, "", text.Length));
                return;
            }

            var c = text[i];
            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || ((c is '-' or '+') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumberOrDate(text, ref i));
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                tokens.Add(ReadPunctuation(text, ref i));
            }
        }
    }

    private static SoqlToken ReadPunctuation(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        (SoqlTokenKind kind, int length) = c switch
        {
            ',' => (SoqlTokenKind.Comma, 1),
            '.' => (SoqlTokenKind.Dot, 1),
            '(' => (SoqlTokenKind.OpenParen, 1),
            ')' => (SoqlTokenKind.CloseParen, 1),
            ':' => (SoqlTokenKind.Colon, 1),
            '=' => (SoqlTokenKind.Operator, 1),
            '!' when next == '=' => (SoqlTokenKind.Operator, 2),
            '<' when next is '=' or '>' => (SoqlTokenKind.Operator, 2),
            '>' when next == '=' => (SoqlTokenKind.Operator, 2),
            '<' or '>' => (SoqlTokenKind.Operator, 1),
            _ => throw SoqlErrors.UnexpectedCharacter(start, c),
        };
        i += length;
        return new SoqlToken(kind, text.Substring(start, length), start);
    }

    private static SoqlToken ReadNumberOrDate(string text, ref int i)
    {
        var start = i;
        if (IsDateAt(text, i))
        {
            return ReadDate(text, ref i);
        }

        i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var raw = text[start..i];
        if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw SoqlErrors.Malformed(start, $"unexpected token: {raw}");
        }

        return new SoqlToken(SoqlTokenKind.Number, raw, start, number);
    }

    private static bool IsDateAt(string text, int i) =>
        i + 10 <= text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) &&
        char.IsAsciiDigit(text[i + 3]) && text[i + 4] == '-' && char.IsAsciiDigit(text[i + 5]) && char.IsAsciiDigit(text[i + 6]) &&
        text[i + 7] == '-' && char.IsAsciiDigit(text[i + 8]) && char.IsAsciiDigit(text[i + 9]);

    private static SoqlToken ReadDate(string text, ref int i)
    {
        var start = i;
        i += 10;
        if (i < text.Length && text[i] == 'T')
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is ':' or '.' or '+' or '-'))
            {
                i++;
            }

            var raw = text[start..i];
            string[] formats = ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.fffzzz",
                "yyyy-MM-ddTHH:mm:sszz00", "yyyy-MM-ddTHH:mm:ss.fffzz00"];
            if (!DateTimeOffset.TryParseExact(raw, formats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dateTime))
            {
                throw SoqlErrors.Malformed(start, $"line 1:{start} no viable alternative at character '{raw[^1]}'");
            }

            return new SoqlToken(SoqlTokenKind.DateTime, raw, start, dateTime.ToUniversalTime());
        }

        var dateText = text[start..i];
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw SoqlErrors.Malformed(start, $"unexpected token: {dateText}");
        }

        return new SoqlToken(SoqlTokenKind.Date, dateText, start, date);
    }

    private static SoqlToken ReadString(string text, ref int i)
    {
        var start = i;
        i++;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw SoqlErrors.UnterminatedString(start);
            }

            var c = text[i];
            if (c == '\'')
            {
                i++;
                return new SoqlToken(SoqlTokenKind.String, text[(start + 1)..(i - 1)], start, value.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw SoqlErrors.UnterminatedString(start);
            }

            var escaped = text[i + 1];
            i += 2;
            switch (escaped)
            {
                case 'n' or 'N': value.Append('\n'); break;
                case 'r' or 'R': value.Append('\r'); break;
                case 't' or 'T': value.Append('\t'); break;
                case 'b' or 'B': value.Append('\b'); break;
                case 'f' or 'F': value.Append('\f'); break;
                case '"' or '\'' or '\\': value.Append(escaped); break;
                // \% and \_ stay escaped: they only mean something to LIKE, which reads the raw text.
                case '%' or '_': value.Append('\\').Append(escaped); break;
                case 'u' when i + 4 <= text.Length && int.TryParse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    var end = text.IndexOf('\'', i);
                    var literal = end < 0 ? text[(start + 1)..] : text[(start + 1)..end];
                    throw SoqlErrors.IllegalEscape(i - 2, literal, $"\\{escaped}");
            }
        }
    }
}
