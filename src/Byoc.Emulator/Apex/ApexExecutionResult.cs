namespace Byoc.Emulator.Apex;

/// <summary>The <c>ExecuteAnonymousResult</c> fields (org-emulation.md §4.6) plus the debug log.</summary>
internal sealed record ApexExecutionResult(
    bool Compiled,
    bool Success,
    int Line,
    int Column,
    string? CompileProblem,
    string? ExceptionMessage,
    string? ExceptionStackTrace,
    string DebugLog)
{
    public static ApexExecutionResult Succeeded(string log) => new(true, true, -1, -1, null, null, null, log);

    public static ApexExecutionResult CompileFailure(ApexCompileException problem, string log) =>
        new(false, false, problem.Line, problem.Column, problem.Message, null, null, log);

    public static ApexExecutionResult RuntimeFailure(ApexRuntimeException exception, string log) =>
        new(true, false, exception.Line, exception.Column, null, exception.FullMessage,
            $"AnonymousBlock: line {exception.Line}, column {exception.Column}", log);
}
