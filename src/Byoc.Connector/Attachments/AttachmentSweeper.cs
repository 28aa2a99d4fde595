using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>
/// Deletes stored files older than <see cref="AttachmentOptions.Retention"/>, and what a crash can leave behind: a
/// <c>.part</c> of an unfinished copy, or a description without its file. Runs at start-up and then every hour; every
/// instance may sweep the shared folder, since deleting a file twice is harmless.
/// </summary>
internal sealed partial class AttachmentSweeper(IOptions<AttachmentOptions> options, TimeProvider timeProvider, ILogger<AttachmentSweeper> logger)
    : BackgroundService
{
    /// <summary>How often the folder is swept.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    /// <summary>How old a leftover of an interrupted copy must be before it is deleted (no copy takes this long).</summary>
    public static TimeSpan LeftoverAge { get; } = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Retention == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            do
            {
                SweepAndLog();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void SweepAndLog()
    {
        try
        {
            var deleted = Sweep();
            if (deleted > 0)
            {
                Log.Swept(logger, deleted, options.Value.Retention);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.SweepFailed(logger, ex);
        }
    }

    /// <summary>Deletes what is due now and returns how many files it deleted (leftovers included).</summary>
    internal int Sweep()
    {
        var root = Path.GetFullPath(options.Value.Directory);
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(root))
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                continue; // the description of a file deleted earlier in this sweep, or another instance's work
            }

            var age = now - file.LastWriteTimeUtc;
            var due = Path.GetExtension(path) switch
            {
                // The file goes first: a description without its file is no longer served.
                ".bin" => age > options.Value.Retention,
                ".part" => age > LeftoverAge,
                ".json" => age > LeftoverAge && !File.Exists(Path.ChangeExtension(path, ".bin")),
                _ => false,
            };
            if (due && TryDelete(path))
            {
                deleted++;
                if (path.EndsWith(".bin", StringComparison.Ordinal))
                {
                    TryDelete(Path.ChangeExtension(path, ".json"));
                }
            }
        }

        return deleted;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // the next sweep tries again
        }
    }
}
