using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace Byoc.TestUtilities;

/// <summary>
/// The one rule for tests that need something from outside the repository (PostgreSQL, Chromium, the <c>sf</c> CLI,
/// Salesforce's contract files): missing on a developer machine, the test is skipped with one line that says how to
/// provide it; missing in CI (<c>CI=true</c>), the test fails, so a misconfigured CI never passes silently.
/// </summary>
public static class Prerequisite
{
    /// <summary>The variable CI sets to <c>true</c>.</summary>
    public const string CiVariable = "CI";

    /// <summary>True when the tests run in CI (<c>CI=true</c>).</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable(CiVariable), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns when <paramref name="present"/>; otherwise skips the running test with <paramref name="reason"/>, or fails
    /// it in CI.
    /// </summary>
    /// <param name="present">Whether the prerequisite is there.</param>
    /// <param name="reason">One sentence naming what is missing and how to provide it (the setting, the install step).</param>
    public static void Require([DoesNotReturnIf(false)] bool present, string reason)
    {
        if (present)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{reason} CI ({CiVariable}=true) must provide it.");
        }

        Assert.Skip(reason);
    }
}
