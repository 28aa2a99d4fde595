namespace Byoc.Setup.Steps;

/// <summary>Applying a step needs a person: <see cref="Fix"/> says exactly what to do before rerunning setup.</summary>
internal sealed class ActionRequiredException(string message, string fix) : Exception(message)
{
    public string Fix { get; } = fix;
}
