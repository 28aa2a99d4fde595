namespace Byoc.Setup.Org;

/// <summary>SOQL literal quoting.</summary>
public static class Soql
{
    /// <summary>A single-quoted string literal with backslashes and quotes escaped.</summary>
    public static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
