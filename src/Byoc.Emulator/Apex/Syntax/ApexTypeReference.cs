namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A declared type: <c>String</c>, <c>MessagingChannel</c> or <c>List&lt;Group&gt;</c>.</summary>
internal sealed record ApexTypeReference(string Name, ApexTypeReference? Element, int Line, int Column) : ApexNode(Line, Column)
{
    public override string ToString() => Element is null ? Name : $"{Name}<{Element}>";
}
