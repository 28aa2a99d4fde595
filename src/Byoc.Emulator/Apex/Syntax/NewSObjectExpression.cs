namespace Byoc.Emulator.Apex.Syntax;

/// <summary><c>new Group(Name = 'x', Type = 'Queue')</c>: an sObject with name/value field pairs.</summary>
internal sealed record NewSObjectExpression(
    string TypeName, IReadOnlyList<(string Field, ApexExpression Value, int Line, int Column)> Fields, int Line, int Column)
    : ApexExpression(Line, Column);
