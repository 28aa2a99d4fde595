namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>One button of a posted message.</summary>
public sealed record SlackButton(string BlockId, string ActionId, string Text, string? Value);
