using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Contracts;

/// <summary>
/// Turns the <c>components.schemas</c> of Salesforce's contracts into one JSON Schema draft 2020-12 document, so that a
/// maintained validator checks them. The inbound contract is OpenAPI 3.0.0 and the outbound one AsyncAPI 1.0.0 with
/// OpenAPI 3.0-style schemas; both are an extended subset of draft 4/5 JSON Schema, and these are the differences that
/// change what a body may be:
/// <list type="bullet">
/// <item><c>nullable: true</c> (3.0) becomes <c>"null"</c> added to <c>type</c> (and to <c>enum</c>).</item>
/// <item>The keywords beside a <c>$ref</c> are ignored in 3.0 but applied in 2020-12: they are dropped (the contracts
/// put only <c>description</c>, <c>example</c>, <c>deprecated</c> and twice a <c>type</c> there).</item>
/// <item><c>discriminator</c> is an annotation in 2020-12, while in 3.0 it selects the schema the object must match: a
/// discriminated base becomes a dispatcher (<c>if</c> the property is <c>v</c> <c>then</c> the mapped schema, and
/// with a <c>mapping</c> only its keys are allowed) over the base, kept as <c>Name.base</c>. A subtype's top-level
/// <c>allOf</c> reference to its base points at <c>Name.base</c>, so the dispatch does not loop. Without a mapping a
/// value names the subtype of the same name (OpenAPI 3.0, Discriminator Object, implicit mapping).</item>
/// <item>The contracts write a few types that no JSON Schema draft has: <c>float</c> and <c>double</c> become
/// <c>number</c>, <c>int</c> becomes <c>integer</c> (their <c>format</c> says the same).</item>
/// <item><c>example</c> (3.0's annotation) is dropped. <c>format</c> stays an annotation, as in 2020-12 and 3.0:
/// <c>int64</c>, <c>int32</c>, <c>double</c> and <c>binary</c> are OpenAPI formats no JSON Schema validator knows.</item>
/// </list>
/// </summary>
internal static class OpenApiSchemaTranslator
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private const string BaseSuffix = ".base";

    /// <summary>The draft every translated document declares.</summary>
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>A document with every component schema under <c>$defs/{name}</c>.</summary>
    public static JsonObject Translate(JsonObject schemas, Uri id)
    {
        var bases = schemas.Where(s => s.Value?["discriminator"] is JsonObject).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var definitions = new JsonObject();
        foreach (var (name, node) in schemas)
        {
            var schema = node as JsonObject ?? throw new InvalidOperationException($"components.schemas.{name} is not an object.");
            var translated = Component(schema, bases);
            if (schema["discriminator"] is JsonObject discriminator)
            {
                definitions[name + BaseSuffix] = translated;
                definitions[name] = Dispatcher(name, discriminator, schemas);
            }
            else
            {
                definitions[name] = translated;
            }
        }

        return new JsonObject { ["$schema"] = Draft, ["$id"] = id.ToString(), ["$defs"] = definitions };
    }

    /// <summary>The pointer of a component's definition in the translated document.</summary>
    public static string Pointer(string name) => "#/$defs/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonObject Component(JsonObject schema, HashSet<string> bases)
    {
        var translated = Schema(schema);
        if (schema["allOf"] is JsonArray allOf)
        {
            // The subtype's inheritance: its reference to a discriminated base means the base's own keywords.
            translated["allOf"] = new JsonArray([.. allOf.Select(part =>
                part?["$ref"] is JsonValue reference && Name(reference) is { } name && bases.Contains(name)
                    ? new JsonObject { ["$ref"] = Pointer(name + BaseSuffix) }
                    : (JsonNode)Schema(part as JsonObject ?? []))]);
        }

        return translated;
    }

    private static JsonObject Dispatcher(string name, JsonObject discriminator, JsonObject schemas)
    {
        var property = discriminator["propertyName"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{name}.discriminator has no propertyName.");
        var targets = discriminator["mapping"] is JsonObject mapping
            ? mapping.Select(m => (Value: m.Key, Target: Name(m.Value!.AsValue()) ?? throw new InvalidOperationException($"{name}: mapping {m.Key} is not a component.")))
            : schemas.Where(s => IsSubtypeOf(s.Value as JsonObject, name)).Select(s => (Value: s.Key, Target: s.Key));
        var cases = targets.Select(t => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = t.Value } },
                ["required"] = new JsonArray(property),
            },
            ["then"] = new JsonObject { ["$ref"] = Pointer(t.Target) },
        }).ToList();
        var dispatcher = new JsonObject
        {
            ["$ref"] = Pointer(name + BaseSuffix),
            ["required"] = new JsonArray(property),
            ["allOf"] = new JsonArray([.. cases]),
        };
        if (discriminator["mapping"] is JsonObject keys)
        {
            dispatcher["properties"] = new JsonObject { [property] = new JsonObject { ["enum"] = new JsonArray([.. keys.Select(k => (JsonNode)k.Key)]) } };
        }

        return dispatcher;
    }

    private static bool IsSubtypeOf(JsonObject? schema, string baseName) =>
        schema?["allOf"] is JsonArray allOf && allOf.Any(part => part?["$ref"] is JsonValue reference && Name(reference) == baseName);

    private static JsonObject Schema(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            return new JsonObject { ["$ref"] = Name(reference) is { } name ? Pointer(name) : reference.GetValue<string>() };
        }

        var nullable = schema["nullable"] is JsonValue flag && flag.GetValue<bool>();
        var translated = new JsonObject();
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case "nullable" or "discriminator" or "example":
                    break;
                case "type":
                    var type = JsonValue.Create(TypeName(value!.GetValue<string>()));
                    translated["type"] = nullable ? new JsonArray(type, "null") : type;
                    break;
                case "enum":
                    var allowed = value!.AsArray().DeepClone().AsArray();
                    if (nullable)
                    {
                        allowed.Add(null);
                    }

                    translated["enum"] = allowed;
                    break;
                case "properties":
                    translated["properties"] = new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Schema(p.Value!.AsObject()))));
                    break;
                case "items" or "additionalProperties" or "not" when value is JsonObject subschema:
                    translated[keyword] = Schema(subschema);
                    break;
                case "allOf" or "oneOf" or "anyOf":
                    translated[keyword] = new JsonArray([.. value!.AsArray().Select(part => (JsonNode)Schema(part!.AsObject()))]);
                    break;
                default:
                    translated[keyword] = value?.DeepClone();
                    break;
            }
        }

        return translated;
    }

    private static string TypeName(string type) => type switch
    {
        "float" or "double" => "number",
        "int" => "integer",
        _ => type,
    };

    private static string? Name(JsonValue reference)
    {
        var text = reference.GetValue<string>();
        return text.StartsWith(ComponentsPrefix, StringComparison.Ordinal) ? text[ComponentsPrefix.Length..] : null;
    }
}
