namespace Byoc.Emulator.Agents;

/// <summary>One structured option: the identifier that comes back with the pick, and its title.</summary>
internal sealed class ChoiceDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}
