using System.Globalization;
using System.Text;

namespace Byoc.Emulator.Soql;

/// <summary>
/// Salesforce's SOQL error codes and message texts (org-emulation.md §4.4). The wording of each message is what real
/// orgs are widely reported to return; exact texts are UNCONFIRMED there, so every text lives here and nowhere else.
/// </summary>
internal static class SoqlErrors
{
    public const string MalformedQuery = "MALFORMED_QUERY";
    public const string InvalidType = "INVALID_TYPE";
    public const string InvalidField = "INVALID_FIELD";
    public const string InvalidQueryFilterOperator = "INVALID_QUERY_FILTER_OPERATOR";
    public const string InvalidTypeForOperation = "INVALID_TYPE_FOR_OPERATION";

    /// <summary>Longest excerpt of a query line shown above the caret; longer lines are cut around the error (UNCONFIRMED).</summary>
    private const int ExcerptRadius = 2_000;

    public static SoqlException UnexpectedToken(SoqlToken token) =>
        new(MalformedQuery, token.Position, $"unexpected token: {token.Display}");

    public static SoqlException UnexpectedCharacter(int position, char c) =>
        new(MalformedQuery, position, $"line 1:{position} no viable alternative at character '{c}'");

    public static SoqlException UnterminatedString(int position) =>
        new(MalformedQuery, position, $"line 1:{position} mismatched character '<EOF>' expecting '''");

    public static SoqlException IllegalEscape(int position, string literal, string sequence) =>
        new(MalformedQuery, position,
            $"Invalid string literal '{literal}'. Illegal character sequence '{sequence}' in string literal.");

    public static SoqlException Malformed(int position, string detail) => new(MalformedQuery, position, detail);

    public static SoqlException UnknownType(int position, string name) =>
        new(InvalidType, position,
            $"sObject type '{name}' is not supported. If you are attempting to use a custom object, be sure to append the " +
            "'__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");

    public static SoqlException NotQueryable(int position, string name) =>
        new(InvalidTypeForOperation, position, $"entity type {name} does not support query");

    public static SoqlException UnknownField(int position, string field, string entity) =>
        new(InvalidField, position,
            $"No such column '{field}' on entity '{entity}'. If you are attempting to use a custom field, be sure to append " +
            "the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");

    public static SoqlException UnknownRelationship(int position, string relationship) =>
        new(InvalidField, position,
            $"Didn't understand relationship '{relationship}' in field path. If you are attempting to use a custom " +
            "relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or " +
            "the describe call for the appropriate names.");

    public static SoqlException WrongLiteralType(int position, string field, string type, bool quoted) =>
        new(InvalidField, position,
            $"value of filter criterion for field '{field}' must be of type {type} and should " +
            (quoted ? "be enclosed in quotes" : "not be enclosed in quotes"));

    public static SoqlException InvalidId(int position, string value) =>
        new(InvalidQueryFilterOperator, position, $"invalid ID field: {value}");

    public static SoqlException BadField(int position, string detail) => new(InvalidField, position, detail);

    public static SoqlException NotGroupable(int position, string field) =>
        new(MalformedQuery, position, $"field '{field}' can not be grouped in a query call");

    public static SoqlException NotFilterable(int position, string field) =>
        new(InvalidField, position, $"field '{field}' can not be filtered in a query call");

    public static SoqlException NotSortable(int position, string field) =>
        new(InvalidField, position, $"field '{field}' can not be sorted in a query call");

    public static SoqlException DuplicateField(int position, string field) =>
        new(MalformedQuery, position, $"duplicate field selected: {field}");

    public static SoqlException NotGrouped(int position, string field) =>
        new(MalformedQuery, position, $"Field must be grouped or aggregated: {field}");

    public static SoqlException InvalidOperator(int position, string detail) => new(InvalidQueryFilterOperator, position, detail);

    /// <summary>
    /// Salesforce's message layout: a newline, the query line, a caret under the error column, then
    /// <c>ERROR at Row:R:Column:C</c> and the detail (org-emulation.md §4.4).
    /// </summary>
    public static SoqlError Format(string query, SoqlException error)
    {
        var position = Math.Clamp(error.Position, 0, query.Length);
        var lineStart = position == 0 ? 0 : query.LastIndexOf('\n', position - 1) + 1;
        var lineEnd = query.IndexOf('\n', position);
        lineEnd = lineEnd < 0 ? query.Length : lineEnd;
        var row = 1 + query.AsSpan(0, lineStart).Count('\n');
        var column = position - lineStart + 1;

        var excerptStart = Math.Max(lineStart, position - ExcerptRadius);
        var excerptEnd = Math.Min(lineEnd, position + ExcerptRadius);
        var line = query[excerptStart..excerptEnd].TrimEnd('\r');
        var message = new StringBuilder()
            .Append('\n').Append(line).Append('\n')
            .Append(' ', position - excerptStart).Append("^\n")
            .Append(CultureInfo.InvariantCulture, $"ERROR at Row:{row}:Column:{column}\n")
            .Append(error.Detail)
            .ToString();
        return new SoqlError(error.ErrorCode, message);
    }
}
