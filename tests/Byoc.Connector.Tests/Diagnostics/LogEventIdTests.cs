using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Byoc.Connector.Tests.Diagnostics;

/// <summary>Every log line of the connector can be told apart by its EventId and its name, as operators filter on them.</summary>
public sealed class LogEventIdTests
{
    private static readonly List<(string Method, int Id, string? Name)> s_messages = [.. typeof(ConnectorApplication).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(method => (Method: $"{method.DeclaringType!.FullName}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(m => m.Attribute is not null)
        .Select(m => (m.Method, m.Attribute!.EventId, m.Attribute.EventName))];

    [Fact]
    public void LoggerMessages_AllOfTheConnector_HaveAUniqueIdAndName()
    {
        Assert.True(s_messages.Count > 20, $"only {s_messages.Count} log messages found");
        Assert.All(s_messages, m => Assert.False(m.Id <= 0 || string.IsNullOrEmpty(m.Name), $"{m.Method} has EventId {m.Id} and name '{m.Name}'"));
        Assert.Empty(s_messages.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}"));
        Assert.Empty(s_messages.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}"));
    }
}
