using System.Reflection;
using System.Text.RegularExpressions;
using Byoc.Connector.Channels.Slack;
using Byoc.TestUtilities;

namespace Byoc.Connector.Tests.Channels.Slack;

/// <summary>docs/slack-channel.md names only configuration keys the channel binds, and documents every one of them.</summary>
public sealed partial class SlackChannelDocsTests
{
    private static readonly string s_doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "slack-channel.md"));

    private static readonly HashSet<string> s_properties = typeof(SlackEndpointOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    // Backticked PascalCase words in the page that are not options of the channel.
    private static readonly HashSet<string> s_notKeys = new(StringComparer.Ordinal) { "HttpClient" };

    [Fact]
    public void ConfigurationTable_EveryKeyNamed_IsAnOptionOfTheChannel()
    {
        var keys = TableKeys().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, s_properties));
    }

    [Fact]
    public void ConfigurationTable_EveryOptionOfTheChannel_IsDocumented()
    {
        var keys = TableKeys().ToHashSet(StringComparer.Ordinal);

        Assert.All(s_properties, property => Assert.Contains(property, keys));
    }

    [Fact]
    public void SetupExample_EveryKeyOfTheChannel_IsAnOptionOfTheChannel()
    {
        var example = s_doc[s_doc.IndexOf("```json", StringComparison.Ordinal)..];
        example = example[..example.IndexOf("```", "```json".Length, StringComparison.Ordinal)];
        var channel = example[example.IndexOf("\"slack\": {", StringComparison.Ordinal)..];
        var keys = JsonKey().Matches(channel).Select(m => m.Groups[1].Value).Where(k => k != "slack")
            .Select(k => k.EndsWith("_FILE", StringComparison.Ordinal) ? k[..^"_FILE".Length] : k).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, s_properties));
    }

    [Fact]
    public void Doc_ConfigKeysInText_AreOptionsOfTheChannel()
    {
        // Backticked PascalCase words in the prose that look like keys of this channel (BotToken, Conversations, ...).
        var named = InlineKey().Matches(s_doc).Select(m => m.Groups[1].Value)
            .Select(k => k.EndsWith("_FILE", StringComparison.Ordinal) ? k[..^"_FILE".Length] : k)
            .Where(k => !s_notKeys.Contains(k)).Distinct().ToList();

        Assert.All(named, key => Assert.Contains(key, s_properties));
    }

    private static IEnumerable<string> TableKeys()
    {
        var section = s_doc[s_doc.IndexOf("## Configuration", StringComparison.Ordinal)..];
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
