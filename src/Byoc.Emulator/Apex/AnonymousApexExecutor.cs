using Byoc.Emulator.Apex.Syntax;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Apex;

/// <summary>
/// Compiles and runs anonymous Apex against the emulated org. The supported subset: typed local declarations
/// (String, Integer, Long, Decimal, Boolean, Id, Datetime, Date, sObject types, <c>List&lt;SObjectType&gt;</c>), inline
/// SOQL with bind variables, <c>new SObjectType(Field = value, ...)</c>, field and variable assignment,
/// <c>insert</c>/<c>update</c>/<c>delete</c>, <c>System.debug(x)</c>, <c>+</c>/<c>-</c>, comparisons, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c>, <c>if</c>/<c>else</c>, blocks and comments. Anything else is a compile problem that says it is
/// outside the subset; the whole script is one transaction.
/// </summary>
internal sealed class AnonymousApexExecutor(OrgStore store, IApexQueryExecutor queries, TimeProvider timeProvider)
{
    public ApexExecutionResult Execute(string source, string userId, string apiVersion)
    {
        var log = new ApexDebugLog(timeProvider, apiVersion, source);
        BlockStatement program;
        IReadOnlyDictionary<DeclarationStatement, ApexType> declarations;
        try
        {
            program = ApexParser.Parse(source);
            declarations = ApexBinder.Bind(program, store.Schema);
        }
        catch (ApexCompileException problem)
        {
            return ApexExecutionResult.CompileFailure(problem, log.ToString());
        }

        var username = store.Get(userId)?.GetString("Username") ?? userId;
        log.Event($"USER_INFO|[EXTERNAL]|{userId}|{username}|(GMT+00:00) Greenwich Mean Time (GMT)|GMT+00:00");
        log.Event("EXECUTION_STARTED");
        log.Event("CODE_UNIT_STARTED|[EXTERNAL]|execute_anonymous_apex");
        try
        {
            store.Write(writer => new ApexInterpreter(writer, queries, log, userId, declarations).Run(program), userId);
        }
        catch (ApexRuntimeException exception)
        {
            log.Event($"EXCEPTION_THROWN|[{exception.Line}]|{exception.FullMessage}");
            log.Event($"FATAL_ERROR|{exception.FullMessage}");
            log.Event("CODE_UNIT_FINISHED|execute_anonymous_apex");
            log.Event("EXECUTION_FINISHED");
            return ApexExecutionResult.RuntimeFailure(exception, log.ToString());
        }

        log.Event("CODE_UNIT_FINISHED|execute_anonymous_apex");
        log.Event("EXECUTION_FINISHED");
        return ApexExecutionResult.Succeeded(log.ToString());
    }
}
