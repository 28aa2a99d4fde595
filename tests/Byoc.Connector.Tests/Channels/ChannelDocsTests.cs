using System.Reflection;
using System.Text.RegularExpressions;
using Byoc.TestUtilities;

namespace Byoc.Connector.Tests.Channels;

/// <summary>
/// A platform channel's page against its options type: every key in its configuration table, its JSON example (the channel
/// named <paramref name="exampleChannel"/>) and its prose is an option, and every option is in the table.
/// <paramref name="notKeys"/> are backticked PascalCase words of the page that are not options.
/// </summary>
public abstract partial class ChannelDocsTests(string page, Type options, string exampleChannel, params string[] notKeys)
{
    private readonly string _doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", page));

    private readonly HashSet<string> _properties = options
        .GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private readonly HashSet<string> _notKeys = new(notKeys, StringComparer.Ordinal);

    [Fact]
    public void ConfigurationTable_EveryKeyNamed_IsAnOptionOfTheChannel()
    {
        var keys = TableKeys().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, _properties));
    }

    [Fact]
    public void ConfigurationTable_EveryOptionOfTheChannel_IsDocumented()
    {
        var keys = TableKeys().ToHashSet(StringComparer.Ordinal);

        Assert.All(_properties, property => Assert.Contains(property, keys));
    }

    [Fact]
    public void SetupExample_EveryKeyOfTheChannel_IsAnOptionOfTheChannel()
    {
        var example = _doc[_doc.IndexOf("```json", StringComparison.Ordinal)..];
        example = example[..example.IndexOf("```", "```json".Length, StringComparison.Ordinal)];
        var channel = example[example.IndexOf($"\"{exampleChannel}\": {{", StringComparison.Ordinal)..];
        var keys = JsonKey().Matches(channel).Select(m => m.Groups[1].Value).Where(k => k != exampleChannel)
            .Select(k => k.EndsWith("_FILE", StringComparison.Ordinal) ? k[..^"_FILE".Length] : k).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, _properties));
    }

    [Fact]
    public void Doc_ConfigKeysInText_AreOptionsOfTheChannel()
    {
        // Backticked PascalCase words in the prose that look like keys of this channel (AppSecret, WindowTemplateName, ...).
        var named = InlineKey().Matches(_doc).Select(m => m.Groups[1].Value)
            .Select(k => k.EndsWith("_FILE", StringComparison.Ordinal) ? k[..^"_FILE".Length] : k)
            .Where(k => !_notKeys.Contains(k)).Distinct().ToList();

        Assert.All(named, key => Assert.Contains(key, _properties));
    }

    private IEnumerable<string> TableKeys()
    {
        var section = _doc[_doc.IndexOf("## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cell = line.Split('|')[1];
            foreach (Match key in InlineKey().Matches(cell))
            {
                yield return key.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex("\"([A-Za-z_]+)\":")]
    private static partial Regex JsonKey();

    [GeneratedRegex("`([A-Z][A-Za-z]+(?:_FILE)?)`")]
    private static partial Regex InlineKey();
}
