using System.Diagnostics;
using System.Text.Json;

namespace Byoc.Setup.Connection;

/// <summary>
/// Reuses a login the Salesforce CLI already holds: <c>sf org display --target-org &lt;alias&gt; --json</c> for the instance URL
/// and <c>sf org auth show-access-token --target-org &lt;alias&gt; --json</c> for the token (the CLI refreshes it if needed).
/// </summary>
public static class SfCliLogin
{
    /// <summary>The CLI's login of <paramref name="alias"/>; throws <see cref="OrgLoginException"/> when the CLI has none or cannot run.</summary>
    public static async Task<OrgConnection> LoginAsync(string alias, string sfExecutable, CancellationToken cancellationToken)
    {
        var display = await RunAsync(sfExecutable, ["org", "display", "--target-org", alias, "--json"], cancellationToken);
        var instanceUrl = display.TryGetProperty("instanceUrl", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var parsed)
            ? parsed
            : throw new OrgLoginException($"'sf org display --target-org {alias}' returned no instanceUrl.");
        var token = await RunAsync(sfExecutable, ["org", "auth", "show-access-token", "--target-org", alias, "--json"], cancellationToken);
        var accessToken = token.TryGetProperty("accessToken", out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new OrgLoginException($"'sf org auth show-access-token --target-org {alias}' returned no accessToken.");
        return new OrgConnection(instanceUrl, accessToken, $"sf CLI alias '{alias}'");
    }

    private static async Task<JsonElement> RunAsync(string sf, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(sf) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SF_DISABLE_TELEMETRY"] = "true";
        start.Environment["SF_AUTOUPDATE_DISABLE"] = "true";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new OrgLoginException($"Could not start '{sf}'.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new OrgLoginException($"The Salesforce CLI '{sf}' was not found; install @salesforce/cli or pass --sf <path>.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = await stdout;
            JsonElement json;
            try
            {
                json = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new OrgLoginException($"'sf {string.Join(' ', args)}' exited {process.ExitCode} without JSON: {(await stderr).Trim()}");
            }

            if (process.ExitCode != 0 || !json.TryGetProperty("result", out var result))
            {
                var message = json.TryGetProperty("message", out var m) ? m.GetString() : text;
                throw new OrgLoginException($"'sf {string.Join(' ', args)}' failed: {message}");
            }

            return result;
        }
    }
}
