namespace Byoc.Setup.Checks;

/// <summary>One health check of <c>byoc doctor</c>, from the guide's troubleshooting section or the partner docs.</summary>
internal interface IDoctorCheck
{
    string Name { get; }

    string Title { get; }

    Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
