using System.Text.Json;

namespace Byoc.TestUtilities.SalesforceCli;

/// <summary>The outcome of one <c>sf</c> run: exit code and output, with helpers for <c>--json</c> output.</summary>
public sealed record SfResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The parsed <c>--json</c> document (<c>{"status":0,"result":...,"warnings":[]}</c> or an error object).</summary>
    public JsonElement Json
    {
        get
        {
            var text = StandardOutput.Trim();
            var start = text.IndexOf('{', StringComparison.Ordinal);
            if (start < 0)
            {
                throw new InvalidOperationException($"sf printed no JSON (exit {ExitCode}).\nstdout: {StandardOutput}\nstderr: {StandardError}");
            }

            using var document = JsonDocument.Parse(text[start..]);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The <c>status</c> of the JSON output (0 on success).</summary>
    public int Status => Json.GetProperty("status").GetInt32();

    /// <summary>The <c>result</c> object of a successful <c>--json</c> run.</summary>
    public JsonElement Result => Json.GetProperty("result");

    /// <summary>The error <c>name</c> of a failed <c>--json</c> run (the REST <c>errorCode</c>).</summary>
    public string? ErrorName => Json.TryGetProperty("name", out var name) ? name.GetString() : null;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
