using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Byoc.Cli.Hosting;

/// <summary>
/// Starts a web host for a <c>byoc</c> command and turns the failures a person can fix (a port in use, a wrong
/// configuration) into short lines instead of the host's stack traces.
/// </summary>
internal sealed class HostStart
{
    /// <summary>The generic host logs "Hosting failed to start" with the full stack trace under this category.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _starting = true;

    /// <summary>
    /// Holds back the host's own log lines while it starts (the failure is reported once, by the command); afterwards its
    /// warnings and errors, such as a background service that failed, are logged as usual.
    /// </summary>
    public void MuteStartupFailureLog(WebApplicationBuilder builder) =>
        builder.Logging.AddFilter(HostCategory, level => !_starting && level >= LogLevel.Warning);

    /// <summary>Starts the host; a known failure becomes a <see cref="HostStartException"/> with the lines to print.</summary>
    /// <param name="app">The host.</param>
    /// <param name="listener">What listens, for the message: "the connector", "the emulated org".</param>
    /// <param name="portHint">How to choose another port, for the message.</param>
    /// <param name="explain">Adds the source of each key to configuration failures; null prints them as they are.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync(WebApplication app, string listener, string portHint, Func<IEnumerable<string>, IEnumerable<string>>? explain,
        CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await StopStartedServicesAsync(app);
            throw new HostStartException(ExitCodes.Failure, [$"cannot start {listener}: {AddressOf(ex.Message)} is already in use. {portHint}"], ex);
        }
        catch (OptionsValidationException ex)
        {
            throw Configuration(ex.Failures, explain, ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            throw Configuration(ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures), explain, ex);
        }
        finally
        {
            _starting = false;
        }
    }

    /// <summary>
    /// The server binds last, after the background services started; stopping them before the host is disposed keeps
    /// them from failing, and logging that they did, against disposed stores.
    /// </summary>
    private static async Task StopStartedServicesAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The failure being reported matters more than a slow stop.
        }
    }

    /// <summary>The configuration failures as lines: a heading, then one line per failure.</summary>
    public static HostStartException Configuration(IEnumerable<string> failures, Func<IEnumerable<string>, IEnumerable<string>>? explain,
        Exception inner) =>
        new(ExitCodes.InvalidUsage, ["the configuration is incomplete or wrong:", .. (explain?.Invoke(failures) ?? failures).Select(f => "  - " + f)], inner);

    /// <summary>Kestrel says "Failed to bind to address http://127.0.0.1:6100: address already in use."; keep the address.</summary>
    internal static string AddressOf(string message)
    {
        const string Prefix = "address ";
        var start = message.IndexOf("http", StringComparison.Ordinal);
        if (start < 0)
        {
            start = message.IndexOf(Prefix, StringComparison.Ordinal);
            start = start < 0 ? 0 : start + Prefix.Length;
        }

        var end = message.IndexOf(": ", start, StringComparison.Ordinal);
        return end > start ? message[start..end] : message;
    }
}
