namespace Byoc.Emulator.Soql;

/// <summary>Either the result of a query or the error a real org gives for it.</summary>
internal readonly record struct SoqlOutcome(SoqlResult? Result, SoqlError? Error);
