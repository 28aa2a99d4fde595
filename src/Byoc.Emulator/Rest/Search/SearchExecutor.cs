using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;

namespace Byoc.Emulator.Rest.Search;

/// <summary>
/// Runs a search: for each returned object (every searchable type when RETURNING is absent), the SOQL
/// <c>SELECT Id, fields FROM Type [WHERE …] [ORDER BY …]</c>, keeping the rows whose record matches the term in the scope's
/// fields, up to the object's and the overall LIMIT (2,000 at most, the documented maximum). Rows are written as query rows;
/// without a field list a row holds only <c>Id</c>.
/// </summary>
internal sealed class SearchExecutor(OrgStore store, SoqlEngine soql)
{
    public const int MaxLimit = 2000;

    public JsonObject Run(SoslQuery query, RestContext rest)
    {
        var returning = query.Returning.Count > 0
            ? query.Returning
            : [.. store.Schema.Objects.Where(IsSearchable).Select(t => new SoslReturning(t.Name, [], null, null, null))];
        var remaining = Math.Min(query.Limit ?? MaxLimit, MaxLimit);
        var found = new JsonArray();
        foreach (var spec in returning)
        {
            if (store.Schema.FindObject(spec.Type) is not { } type || (type.Surface & ApiSurface.Data) == 0)
            {
                throw new SearchException("INVALID_TYPE", $"sObject type '{spec.Type}' is not supported.");
            }

            if (!IsSearchable(type))
            {
                throw new SearchException("INVALID_TYPE", $"entity type {type.Name} does not support search");
            }

            foreach (var row in Search(query, spec, type, rest).Take(Math.Min(remaining, spec.Limit ?? MaxLimit)))
            {
                found.Add(row);
                remaining--;
            }
        }

        return new JsonObject { ["searchRecords"] = found };
    }

    private IEnumerable<JsonNode> Search(SoslQuery query, SoslReturning spec, SObjectDefinition type, RestContext rest)
    {
        var asksId = spec.Fields.Any(f => string.Equals(f, "Id", StringComparison.OrdinalIgnoreCase));
        var select = string.Join(", ", asksId ? spec.Fields : ["Id", .. spec.Fields]);
        var text = $"SELECT {select} FROM {type.Name}" + (spec.Where is null ? "" : $" WHERE {spec.Where}") +
            (spec.OrderBy is null ? "" : $" ORDER BY {spec.OrderBy}");
        var outcome = soql.Execute(text, ApiSurface.Data);
        if (outcome.Error is { } error)
        {
            throw new SearchException(error.ErrorCode, error.Message);
        }

        var result = outcome.Result!;
        var rows = QueryRecordWriter.Write(result, store, rest);
        var fields = ScopeFields(type, query.Scope);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!query.Term.Matches([.. fields.Select(f => Words(f, result.Records[i][f.Name]))]))
            {
                continue;
            }

            if (!asksId && spec.Fields.Count > 0)
            {
                rows[i].AsObject().Remove("Id");
            }

            yield return rows[i];
        }
    }

    private static List<FieldDefinition> ScopeFields(SObjectDefinition type, SearchScope scope) => scope switch
    {
        SearchScope.Name => [.. type.Fields.Where(f => f == type.NameField || (type.NameField?.ComposedOf.Contains(f.Name) ?? false))],
        SearchScope.Email => [.. type.Fields.Where(f => f.Type == FieldType.Email)],
        SearchScope.Phone => [.. type.Fields.Where(f => f.Type == FieldType.Phone)],
        _ => [.. type.Fields.Where(f => f.Type is FieldType.String or FieldType.TextArea or FieldType.Email or FieldType.Phone or FieldType.Url)],
    };

    /// <summary>The words of a value; a phone number also counts as its digits alone, so <c>4155551212</c> finds <c>(415) 555-1212</c>.</summary>
    private static List<string> Words(FieldDefinition field, object? value)
    {
        if (value is not string text)
        {
            return [];
        }

        var words = SearchTerm.Words(text);
        if (field.Type == FieldType.Phone)
        {
            words.Add(new string([.. text.Where(char.IsAsciiDigit)]));
        }

        return words;
    }

    private static bool IsSearchable(SObjectDefinition type) => type.Capabilities.HasFlag(SObjectCapabilities.Searchable);
}
