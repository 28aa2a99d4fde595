namespace Byoc.Emulator.Apex.Syntax;

/// <summary><c>Type name [= initializer];</c></summary>
internal sealed record DeclarationStatement(ApexTypeReference Type, string Name, ApexExpression? Initializer, int Line, int Column)
    : ApexStatement(Line, Column);
