using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Byoc.TestUtilities.Contracts;

/// <summary>
/// Validates JSON against the schemas of Salesforce's Interaction Service contracts (<c>inbound-interaction-api.yaml</c>,
/// OpenAPI 3.0; <c>outbound-custom-event-payload.yaml</c>, AsyncAPI 1.0) with JsonSchema.Net: the component schemas are
/// translated to one draft 2020-12 document (<see cref="OpenApiSchemaTranslator"/> says how OpenAPI 3.0's differences are
/// handled) and every <c>$ref</c> resolves inside it.
/// </summary>
public sealed class ContractValidator
{
    private static readonly Lazy<ContractValidator> s_inbound = new(() => Load(ContractFiles.Require(ContractFiles.InboundApi)));
    private static readonly Lazy<ContractValidator> s_outbound = new(() => Load(ContractFiles.Require(ContractFiles.OutboundEvents)));
    private static readonly EvaluationOptions s_evaluation = new() { OutputFormat = OutputFormat.List };
    private readonly JsonObject _components;
    private readonly Uri _id;
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _entryPoints = new(StringComparer.Ordinal);

    private ContractValidator(JsonObject components, Uri id, BuildOptions build)
    {
        _components = components;
        _id = id;
        _build = build;
    }

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

    /// <summary>Reads a contract file and builds its schemas.</summary>
    public static ContractValidator Load(string path)
    {
        var document = YamlJson.Load(path) ?? throw new InvalidOperationException($"{path} is empty.");
        var components = document["components"]?["schemas"] as JsonObject ?? throw new InvalidOperationException($"{path} has no components.schemas.");
        var id = new Uri($"urn:byoc:contract:{Path.GetFileNameWithoutExtension(path)}");
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.Build(JsonSerializer.SerializeToElement(OpenApiSchemaTranslator.Translate(components, id)), build, id);
        return new ContractValidator(components, id, build);
    }

    public bool HasSchema(string name) => _components.ContainsKey(name);

    /// <summary>Every violation, as <c>$.path: problem (keyword)</c>; empty when the value is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, string schemaName)
    {
        var results = EntryPoint(schemaName).Evaluate(JsonSerializer.SerializeToElement(value), s_evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? []).Prepend(results)
            .Where(node => node.Errors is { Count: > 0 })
            .SelectMany(node => node.Errors!.Select(error => $"{JsonPath(node.InstanceLocation)}: {error.Value} ({Keyword(error.Key)})"))
            .Distinct(StringComparer.Ordinal)];
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

    private JsonSchema EntryPoint(string name)
    {
        if (!HasSchema(name))
        {
            throw new ArgumentException($"No schema named {name}.", nameof(name));
        }

        return _entryPoints.GetOrAdd(name, n => JsonSchema.Build(
            JsonSerializer.SerializeToElement(new JsonObject
            {
                ["$schema"] = OpenApiSchemaTranslator.Draft,
                ["$ref"] = _id + OpenApiSchemaTranslator.Pointer(n),
            }),
            _build,
            new Uri($"{_id}:{n}")));
    }

    /// <summary>The keyword that refused the value; the false schema (<c>additionalProperties: false</c>) has none.</summary>
    private static string Keyword(string key) => key.Length == 0 ? "false" : key;

    /// <summary><c>/interactions/0/payload</c> as <c>$.interactions[0].payload</c>.</summary>
    private static string JsonPath(JsonPointer pointer)
    {
        var path = new System.Text.StringBuilder("$");
        for (var i = 0; i < pointer.SegmentCount; i++)
        {
            var segment = pointer[i].ToString();
            path.Append(int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out _) ? $"[{segment}]" : $".{segment}");
        }

        return path.ToString();
    }
}
