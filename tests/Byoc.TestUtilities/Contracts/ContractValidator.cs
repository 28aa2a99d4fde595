using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Contracts;

/// <summary>
/// Validates JSON against the schemas of Salesforce's Interaction Service contracts (<c>inbound-interaction-api.yaml</c>, OpenAPI;
/// <c>outbound-custom-event-payload.yaml</c>, AsyncAPI). Supports the subset those files use: <c>type</c>, <c>properties</c>,
/// <c>required</c>, <c>enum</c>, <c>items</c>, <c>$ref</c>, <c>allOf</c>, <c>oneOf</c>, <c>discriminator</c> (with and without
/// <c>mapping</c>), <c>minItems</c>, <c>maxItems</c>, <c>maxLength</c>, <c>nullable</c>.
/// </summary>
public sealed class ContractValidator
{
    private static readonly Lazy<ContractValidator> s_inbound = new(() => Load(ContractFiles.Require(ContractFiles.InboundApi)));
    private static readonly Lazy<ContractValidator> s_outbound = new(() => Load(ContractFiles.Require(ContractFiles.OutboundEvents)));
    private readonly JsonObject _schemas;

    private ContractValidator(JsonObject schemas) => _schemas = schemas;

    /// <summary>
    /// The Interaction Service REST API (requests and responses). For a test whose point is the contract: it is skipped
    /// when the contract files are absent, or fails in CI (<see cref="ContractFiles.Require"/>).
    /// </summary>
    public static ContractValidator Inbound => Required(s_inbound);

    /// <summary>The outbound platform-event payload (<c>InteractionEvent</c> and its entries); skips like <see cref="Inbound"/>.</summary>
    public static ContractValidator Outbound => Required(s_outbound);

    /// <summary>
    /// <see cref="Inbound"/> for a test that checks the contract on the side of another point (a client that validates
    /// every body it sees): null when the contract files are absent outside CI, so the test still runs; in CI it is
    /// <see cref="Inbound"/>.
    /// </summary>
    public static ContractValidator? InboundWhenPresent => ContractFiles.Present || Prerequisite.IsCi ? Inbound : null;

    /// <summary><see cref="Outbound"/>, or null when the contract files are absent outside CI (see <see cref="InboundWhenPresent"/>).</summary>
    public static ContractValidator? OutboundWhenPresent => ContractFiles.Present || Prerequisite.IsCi ? Outbound : null;

    private static ContractValidator Required(Lazy<ContractValidator> validator)
    {
        // Checked on every use rather than inside the Lazy, which would cache the first skip as a failure to load.
        Prerequisite.Require(ContractFiles.Present, ContractFiles.MissingReason);
        return validator.Value;
    }

    public static ContractValidator Load(string path)
    {
        var document = YamlJson.Load(path) ?? throw new InvalidOperationException($"{path} is empty.");
        var schemas = document["components"]?["schemas"] as JsonObject ?? throw new InvalidOperationException($"{path} has no components.schemas.");
        return new ContractValidator(schemas);
    }

    public bool HasSchema(string name) => _schemas.ContainsKey(name);

    /// <summary>Every violation, as <c>$.path: problem</c>; empty when the value is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, string schemaName)
    {
        var errors = new List<string>();
        Validate(value, Schema(schemaName), "$", errors, []);
        return errors;
    }

    /// <summary>Throws <see cref="ContractViolationException"/> listing every violation.</summary>
    public void AssertValid(JsonNode? value, string schemaName)
    {
        var errors = Validate(value, schemaName);
        if (errors.Count > 0)
        {
            throw new ContractViolationException(
                $"{schemaName} violated:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{value?.ToJsonString()}");
        }
    }

    public void AssertValid(string json, string schemaName) => AssertValid(JsonNode.Parse(json), schemaName);

    private JsonObject Schema(string name) =>
        _schemas[name] as JsonObject ?? throw new ArgumentException($"No schema named {name}.", nameof(name));

    private JsonObject Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Unsupported $ref {reference}.");
        }

        return Schema(reference[Prefix.Length..]);
    }

    private void Validate(JsonNode? value, JsonObject schema, string path, List<string> errors, HashSet<JsonObject> discriminated)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            Validate(value, Resolve(reference.GetValue<string>()), path, errors, discriminated);
            return;
        }

        if (value is null)
        {
            if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
            {
                return;
            }

            if (schema["type"] is not null || schema["properties"] is not null || schema["enum"] is not null)
            {
                errors.Add($"{path}: null is not allowed");
            }

            return;
        }

        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Validate(value, part, path, errors, discriminated);
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.OfType<JsonObject>().Count(option =>
            {
                var optionErrors = new List<string>();
                Validate(value, option, path, optionErrors, [.. discriminated]);
                return optionErrors.Count == 0;
            });
            if (matches != 1)
            {
                errors.Add($"{path}: matches {matches} of the oneOf schemas, expected exactly 1");
            }
        }

        if (!CheckType(value, schema, path, errors))
        {
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: '{value.ToJsonString()}' is not one of {allowed.ToJsonString()}");
        }

        if (schema["maxLength"] is JsonValue maxLength && value is JsonValue text && text.GetValueKind() == JsonValueKind.String &&
            text.GetValue<string>().Length > maxLength.GetValue<long>())
        {
            errors.Add($"{path}: longer than {maxLength.GetValue<long>()} characters");
        }

        if (value is JsonArray array)
        {
            if (schema["minItems"] is JsonValue minItems && array.Count < minItems.GetValue<long>())
            {
                errors.Add($"{path}: fewer than {minItems.GetValue<long>()} items");
            }

            if (schema["maxItems"] is JsonValue maxItems && array.Count > maxItems.GetValue<long>())
            {
                errors.Add($"{path}: more than {maxItems.GetValue<long>()} items");
            }

            if (schema["items"] is JsonObject items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], items, $"{path}[{i}]", errors, []);
                }
            }
        }

        if (value is JsonObject obj)
        {
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>()))
            {
                if (required is not null && !obj.ContainsKey(required))
                {
                    errors.Add($"{path}: missing required property '{required}'");
                }
            }

            foreach (var (name, propertySchema) in schema["properties"] as JsonObject ?? [])
            {
                if (obj.TryGetPropertyValue(name, out var property) && propertySchema is JsonObject propertyObject)
                {
                    Validate(property, propertyObject, $"{path}.{name}", errors, []);
                }
            }

            if (schema["discriminator"] is JsonObject discriminator && discriminated.Add(schema))
            {
                ApplyDiscriminator(obj, discriminator, path, errors, discriminated);
            }
        }
    }

    private void ApplyDiscriminator(JsonObject value, JsonObject discriminator, string path, List<string> errors, HashSet<JsonObject> discriminated)
    {
        var propertyName = discriminator["propertyName"]!.GetValue<string>();
        if (value[propertyName] is not JsonValue tag || tag.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{path}: missing discriminator '{propertyName}'");
            return;
        }

        var name = tag.GetValue<string>();
        JsonObject? target = null;
        if (discriminator["mapping"] is JsonObject mapping)
        {
            if (mapping[name] is JsonValue mapped)
            {
                target = Resolve(mapped.GetValue<string>());
            }
            else
            {
                errors.Add($"{path}: discriminator {propertyName} '{name}' has no mapping");
                return;
            }
        }
        else if (_schemas[name] is JsonObject implicitTarget)
        {
            // Without a mapping, OpenAPI maps the value to the schema of the same name.
            target = implicitTarget;
        }

        if (target is not null)
        {
            Validate(value, target, path, errors, discriminated);
        }
    }

    private static bool CheckType(JsonNode value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["type"] is not JsonValue typeNode)
        {
            return true;
        }

        var type = typeNode.GetValue<string>();
        var kind = value.GetValueKind();
        var ok = type switch
        {
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" or "int" => kind == JsonValueKind.Number &&
                long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _),
            "number" => kind == JsonValueKind.Number,
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{path}: expected {type}, found {kind}");
        }

        return ok;
    }
}
