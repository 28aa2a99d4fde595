namespace Byoc.Connector.Salesforce.Wire;

/// <summary><c>Participant</c>: <c>{appType, subject, role}</c>, all required.</summary>
internal sealed record Participant(string AppType, string Subject, string Role)
{
    /// <summary>The end user of a BYOC channel (appType <c>custom</c>, role <c>EndUser</c>).</summary>
    public static Participant EndUser(string endUserClientIdentifier) => new("custom", endUserClientIdentifier, "EndUser");
}
