namespace Byoc.Emulator.Org.Records;

/// <summary>A write named a field the type does not have, or gave a value its type cannot take.</summary>
internal sealed class FieldValueException(string objectName, string field, string message)
    : Exception($"{objectName}.{field}: {message}")
{
    public string ObjectName { get; } = objectName;

    public string Field { get; } = field;
}
