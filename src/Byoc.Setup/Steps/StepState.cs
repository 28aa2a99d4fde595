namespace Byoc.Setup.Steps;

/// <summary>Where a setup step stands.</summary>
public enum StepState
{
    /// <summary>Already as it should be; nothing to do.</summary>
    UpToDate,

    /// <summary>The step will change the org (or, after a run, did change it).</summary>
    Change,

    /// <summary>A person must act (in Setup, or by asking Salesforce); rerun setup afterwards.</summary>
    ActionRequired,

    /// <summary>A prerequisite is missing or a call failed; setup stops here.</summary>
    Failed,
}
