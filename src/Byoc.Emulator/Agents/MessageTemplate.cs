namespace Byoc.Emulator.Agents;

/// <summary>A reply template (<c>{slot}</c> placeholders) with optional choices for channels that registered them.</summary>
internal sealed class MessageTemplate
{
    public string Text { get; set; } = string.Empty;

    public List<ChoiceDefinition> Choices { get; set; } = [];

    /// <summary>Time slots to offer instead of <see cref="Choices"/>, if any.</summary>
    public TimePickerDefinition? TimePicker { get; set; }
}
