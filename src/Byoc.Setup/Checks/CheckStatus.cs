namespace Byoc.Setup.Checks;

/// <summary>The verdict of one doctor check.</summary>
public enum CheckStatus
{
    /// <summary>As it should be.</summary>
    Pass,

    /// <summary>Broken: the fix says what to do. <c>byoc doctor</c> exits non-zero.</summary>
    Fail,

    /// <summary>Not checked (nothing to check against, e.g. no connector URL); does not fail the run.</summary>
    Skip,
}
