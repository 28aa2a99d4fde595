using System.Globalization;
using System.Text;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels;

/// <summary>Readable text for channels that show nothing else: numbered options, links on their own lines.</summary>
internal static class TextRendering
{
    public static string Choices(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            text.AppendLine(message.Text);
        }

        for (var i = 0; i < message.Choices.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {message.Choices[i].Title}");
        }

        text.Append("Reply with the number or the name of your choice.");
        return text.ToString();
    }

    public static string WithLinks(string? text, IReadOnlyList<OutboundLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            lines.Add(text);
        }

        lines.AddRange(links.Select(l => string.IsNullOrWhiteSpace(l.Title) || l.Title == l.Url ? l.Url : $"{l.Title}: {l.Url}"));
        return string.Join("\n", lines);
    }
}
