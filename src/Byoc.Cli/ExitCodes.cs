namespace Byoc.Cli;

/// <summary>Process exit codes shared by every <c>byoc</c> command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidUsage = 2;
    public const int NotAvailable = 3;

    /// <summary><c>byoc setup</c>: a step needs a person in Salesforce Setup; run the command again afterwards.</summary>
    public const int ActionRequired = 4;

    /// <summary><c>byoc deadletters</c>: no dead letter has the given id.</summary>
    public const int NotFound = 5;
}
