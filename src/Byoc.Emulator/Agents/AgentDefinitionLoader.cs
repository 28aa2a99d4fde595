using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Byoc.Emulator.Agents;

/// <summary>
/// Loads the scripted agent for a BotDefinition developer name: a YAML file from <see cref="AgentOptions.DefinitionsPath"/>,
/// else the one embedded in the assembly, else the embedded <c>Default.yaml</c>.
/// </summary>
internal sealed class AgentDefinitionLoader(IOptions<AgentOptions> options)
{
    private static readonly IDeserializer s_yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly Dictionary<string, AgentDefinition> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public AgentDefinition Load(string developerName)
    {
        lock (_lock)
        {
            if (!_cache.TryGetValue(developerName, out var definition))
            {
                definition = Read(developerName) ?? Read("Default")!;
                _cache[developerName] = definition;
            }

            return definition;
        }
    }

    public static AgentDefinition Parse(string yaml) => s_yaml.Deserialize<AgentDefinition>(yaml);

    private AgentDefinition? Read(string developerName)
    {
        if (options.Value.DefinitionsPath is { } folder && Path.Combine(folder, developerName + ".yaml") is var path && File.Exists(path))
        {
            return Parse(File.ReadAllText(path));
        }

        using var stream = typeof(AgentDefinitionLoader).Assembly.GetManifestResourceStream($"Byoc.Emulator.Agents.Definitions.{developerName}.yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
