using System.Collections;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace Byoc.Connector.Hosting;

/// <summary>Says, in an operator's words, which configuration source gave a key its value: a file, a variable, an argument.</summary>
internal static class ConfigurationSourceNames
{
    public const string NotSet = "not set in any source";

    /// <summary>The source whose value wins for <paramref name="key"/>, or <see cref="NotSet"/>. Never the value itself.</summary>
    public static string Describe(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return Describe(provider, key);
            }
        }

        return NotSet;
    }

    private static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        FileReferenceConfigurationProvider files when files.Find(key) is { } reference =>
            $"the file '{reference.Path}' named by {key}{FileReferences.Suffix} ({reference.ReferenceSource})",
        JsonConfigurationProvider json => $"the file {FullPath(json.Source)}",
        EnvironmentVariablesConfigurationProvider environment => $"the environment variable {VariableName(environment, key)}",
        CommandLineConfigurationProvider => $"the command line (--{key})",
        MemoryConfigurationProvider => "the host's defaults",
        _ => provider.ToString() ?? provider.GetType().Name,
    };

    private static string FullPath(FileConfigurationSource source) =>
        source.FileProvider is PhysicalFileProvider physical && source.Path is { } path ? Path.Combine(physical.Root, path) : source.Path ?? "(unnamed)";

    /// <summary>The variable as the environment spells it (keys are case-insensitive, variables are not).</summary>
    private static string VariableName(EnvironmentVariablesConfigurationProvider provider, string key)
    {
        // The provider keeps its prefix private; its ToString() is "EnvironmentVariablesConfigurationProvider Prefix: 'X'".
        var text = provider.ToString();
        var start = text.IndexOf('\'', StringComparison.Ordinal);
        var prefix = start >= 0 && text.LastIndexOf('\'') is var end && end > start ? text[(start + 1)..end] : string.Empty;
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && string.Equals(name[prefix.Length..].Replace("__", ":", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return prefix + key.Replace(":", "__", StringComparison.Ordinal);
    }
}
