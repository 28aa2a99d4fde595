namespace Byoc.Cli;

/// <summary>Process exit codes shared by every <c>byoc</c> command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidUsage = 2;
    public const int NotAvailable = 3;
    public const int ActionRequired = 4;
}
