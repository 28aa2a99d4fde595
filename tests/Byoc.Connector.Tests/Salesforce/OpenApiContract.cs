using System.Text.Json.Nodes;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Contracts;
using YamlDotNet.RepresentationModel;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>
/// A small validator for the subset of OpenAPI 3.0 schema keywords the inbound contract uses: $ref, allOf,
/// discriminator (with or without mapping), type, required, properties, items, enum, minItems/maxItems and maxLength.
/// Enough to catch a misspelt or missing field in what the connector sends.
/// </summary>
internal sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> s_inbound = new(() => new OpenApiContract(ContractFiles.Require(ContractFiles.InboundApi)));

    private readonly YamlMappingNode _schemas;

    private OpenApiContract(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        _schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
    }

    /// <summary>The inbound contract; skips the test when the contract files are absent, or fails it in CI.</summary>
    public static OpenApiContract Inbound
    {
        get
        {
            Prerequisite.Require(ContractFiles.Present, ContractFiles.MissingReason);
            return s_inbound.Value;
        }
    }

    /// <summary>Returns every violation of schema <paramref name="schemaName"/> by <paramref name="json"/>.</summary>
    public IReadOnlyList<string> Validate(string schemaName, JsonNode? json)
    {
        var errors = new List<string>();
        Validate(_schemas[schemaName], json, "$", errors, skipDiscriminator: null);
        return errors;
    }

    private void Validate(YamlNode schemaNode, JsonNode? value, string path, List<string> errors, YamlNode? skipDiscriminator)
    {
        var schema = (YamlMappingNode)schemaNode;
        if (TryGet(schema, "$ref") is { } reference)
        {
            Validate(Resolve(reference), value, path, errors, skipDiscriminator);
            return;
        }

        if (schema.Children.TryGetValue("allOf", out var allOf))
        {
            foreach (var part in (YamlSequenceNode)allOf)
            {
                Validate(part, value, path, errors, skipDiscriminator ?? schema);
            }
        }

        if (schema.Children.TryGetValue("discriminator", out var discriminator) && !ReferenceEquals(skipDiscriminator, schema)
            && value is JsonObject discriminated)
        {
            var property = TryGet((YamlMappingNode)discriminator, "propertyName")!;
            var actual = discriminated[property]?.GetValue<string>();
            var mapping = ((YamlMappingNode)discriminator).Children.TryGetValue("mapping", out var map) ? (YamlMappingNode)map : null;
            var target = actual is null ? null
                : mapping is not null && mapping.Children.TryGetValue(actual, out var mapped) ? ((YamlScalarNode)mapped).Value
                : _schemas.Children.ContainsKey(actual) ? $"#/components/schemas/{actual}" : null;
            if (target is null)
            {
                errors.Add($"{path}.{property}: '{actual}' is not a known {property}");
            }
            else
            {
                // The mapped schema's allOf points back here; validate it without dispatching again.
                Validate(Resolve(target), value, path, errors, schema);
            }
        }

        ValidateType(schema, value, path, errors);
    }

    private void ValidateType(YamlMappingNode schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema.Children.TryGetValue("enum", out var enumNode) && value is JsonValue enumValue)
        {
            var allowed = ((YamlSequenceNode)enumNode).Select(node => ((YamlScalarNode)node).Value).ToList();
            if (!allowed.Contains(enumValue.ToString()))
            {
                errors.Add($"{path}: '{enumValue}' is not one of {string.Join(", ", allowed)}");
            }
        }

        switch (TryGet(schema, "type"))
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    errors.Add($"{path}: expected an object");
                    return;
                }

                if (schema.Children.TryGetValue("required", out var required))
                {
                    foreach (var name in ((YamlSequenceNode)required).Select(node => ((YamlScalarNode)node).Value!))
                    {
                        if (obj[name] is null)
                        {
                            errors.Add($"{path}.{name}: required");
                        }
                    }
                }

                if (schema.Children.TryGetValue("properties", out var properties))
                {
                    foreach (var (key, propertySchema) in ((YamlMappingNode)properties).Children)
                    {
                        var name = ((YamlScalarNode)key).Value!;
                        if (obj[name] is { } propertyValue)
                        {
                            Validate(propertySchema, propertyValue, $"{path}.{name}", errors, skipDiscriminator: null);
                        }
                    }
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{path}: expected an array");
                    return;
                }

                if (TryGet(schema, "minItems") is { } min && array.Count < int.Parse(min, System.Globalization.CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: fewer than {min} items");
                }

                if (TryGet(schema, "maxItems") is { } max && array.Count > int.Parse(max, System.Globalization.CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: more than {max} items");
                }

                if (schema.Children.TryGetValue("items", out var items))
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Validate(items, array[i], $"{path}[{i}]", errors, skipDiscriminator: null);
                    }
                }

                break;
            case "string":
                if (value is not JsonValue text || text.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    errors.Add($"{path}: expected a string");
                }
                else if (TryGet(schema, "maxLength") is { } maxLength
                    && text.GetValue<string>().Length > int.Parse(maxLength, System.Globalization.CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: longer than {maxLength}");
                }

                break;
            case "integer":
                if (value is not JsonValue number || number.GetValueKind() != System.Text.Json.JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected an integer");
                }

                break;
            case "boolean":
                if (value is not JsonValue flag || flag.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean");
                }

                break;
        }
    }

    private YamlNode Resolve(string reference) => _schemas[reference["#/components/schemas/".Length..]];

    private static string? TryGet(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
