namespace Byoc.Emulator.Metadata;

/// <summary>A <c>DeployMessage</c>: one component's success or failure.</summary>
internal sealed record ComponentResult(
    string Type, string FullName, string FileName, bool Success, bool Created, bool Changed, string? Id, string? Problem)
{
    public static ComponentResult Failed(MetadataComponent component, string problem) =>
        new(component.Type, component.FullName, component.FileName, false, false, false, null, problem);
}
