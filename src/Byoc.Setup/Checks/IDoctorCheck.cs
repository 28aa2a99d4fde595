namespace Byoc.Setup.Checks;

/// <summary>One health check of <c>byoc doctor</c>, from the guide's troubleshooting section or the partner docs.</summary>
public interface IDoctorCheck
{
    /// <summary>The check's short, stable name, as <c>--json</c> prints it.</summary>
    string Name { get; }

    /// <summary>What the check looks at, as the report's line shows it.</summary>
    string Title { get; }

    /// <summary>Runs the check; a failure is a result with its fix, never an exception.</summary>
    Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
