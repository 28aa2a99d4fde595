using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Byoc.Bench.Baselines;
using Byoc.Bench.Crash;
using Byoc.Bench.Faults;
using Byoc.Bench.Hosting;
using Byoc.Bench.Measurement;
using Byoc.Bench.Reporting;
using Byoc.Bench.Sink;
using Byoc.Bench.Soak;
using Byoc.Bench.Workload;
using Byoc.TestUtilities.Platforms.Telegram;

namespace Byoc.Bench.Scenarios;

/// <summary>
/// Runs one scenario on a fresh emulated org (and, unless it is the ceiling, a fresh connector process and database):
/// warm up until a reply comes back, switch the faults on, drive the workload (killing the connector on schedule), wait
/// for every accepted message's reply, and turn the books into a <see cref="ScenarioResult"/>.
/// </summary>
internal static class ScenarioRunner
{
    private static readonly TimeSpan s_warmUpTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_drainStall = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_drainMax = TimeSpan.FromMinutes(3);

    public static async Task<ScenarioResult> RunAsync(ScenarioSpec spec, BenchContext context, CancellationToken cancellationToken)
    {
        await using var org = await EmulatedOrg.StartAsync(spec.Soak is null ? context.EmulatorStateDirectory : context.EmulatorStateDirectory + "-soak",
            persistent: spec.Soak is not null, cancellationToken);
        var ledger = new ConversationLedger(spec.Shape.Users, spec.Shape.MessagesPerUser);
        if (spec.Ceiling)
        {
            org.Tap.Ledger = ledger;
            using var scrt = new ScrtSender(org.Credentials);
            return await MeasureAsync(spec, org, scrt, ledger, connector: null, meter: null, sink: null, cancellationToken);
        }

        if (spec.Channel == BenchChannel.Telegram)
        {
            return await RunTelegramAsync(spec, context, org, ledger, cancellationToken);
        }

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var sink = await DeliverySink.StartAsync(ledger, secret, cancellationToken);
        var database = Path.Combine(context.OutputDirectory, spec.Name + ".db");
        var launch = new ConnectorLaunch(context.ByocExecutable,
            [.. ConnectorConfiguration.For(org.Credentials, secret, database, sink.OutboundUrl),
                "--Connector:Storage:Synchronous=" + spec.Synchronous, .. spec.ConnectorArgs],
            Path.Combine(context.OutputDirectory, spec.Name + ".connector.log"));
        await using var connector = await ConnectorProcess.StartAsync(launch, cancellationToken);
        await using var meter = new UsageMeter();
        meter.Track(connector.ProcessId);
        using var webhook = new WebhookSender(new Uri(connector.BaseUrl, "/channels/" + ConnectorConfiguration.WebhookChannel), secret);
        return await MeasureAsync(spec, org, webhook, ledger, connector, meter, sink, cancellationToken);
    }

    /// <summary>
    /// The Telegram scenario: the local Telegram fake plays the platform on both ends. The harness sets the webhook (with
    /// a fresh secret token) through the fake's <c>setWebhook</c>, as <c>byoc channels telegram set-webhook</c> would.
    /// </summary>
    private static async Task<ScenarioResult> RunTelegramAsync(ScenarioSpec spec, BenchContext context, EmulatedOrg org, ConversationLedger ledger,
        CancellationToken cancellationToken)
    {
        await using var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions { AllowInsecureLoopbackWebhooks = true }, cancellationToken);
        var secretToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var database = Path.Combine(context.OutputDirectory, spec.Name + ".db");
        var launch = new ConnectorLaunch(context.ByocExecutable,
            [.. ConnectorConfiguration.ForTelegram(org.Credentials, database, telegram.BaseAddress, telegram.Token, secretToken),
                "--Connector:Storage:Synchronous=" + spec.Synchronous, .. spec.ConnectorArgs],
            Path.Combine(context.OutputDirectory, spec.Name + ".connector.log"));
        await using var connector = await ConnectorProcess.StartAsync(launch, cancellationToken);
        await telegram.SetWebhookAsync(new Uri(connector.BaseUrl, "/channels/" + ConnectorConfiguration.TelegramChannel), secretToken, cancellationToken);
        await using var meter = new UsageMeter();
        meter.Track(connector.ProcessId);
        await using var replies = new TelegramReplyBook(telegram, ledger);
        var result = await MeasureAsync(spec, org, new TelegramUserSender(telegram), ledger, connector, meter, sink: null, cancellationToken);
        var refused = telegram.WebhookAttempts.Items.Count(attempt => attempt.StatusCode is 401 or 403);
        return refused == 0 ? result : result with
        {
            BadSignatures = refused,
            Passed = false,
            Failures = [.. result.Failures, string.Create(CultureInfo.InvariantCulture, $"{refused} updates refused by the connector (secret token)")],
        };
    }

    private static async Task<ScenarioResult> MeasureAsync(ScenarioSpec spec, EmulatedOrg org, IMessageSender sender, ConversationLedger ledger,
        ConnectorProcess? connector, UsageMeter? meter, DeliverySink? sink, CancellationToken cancellationToken)
    {
        var driver = new LoadDriver(sender, ledger, spec.Name);
        await driver.WarmUpAsync(s_warmUpTimeout, cancellationToken);
        if (spec.Faults is { } faults)
        {
            await org.SetFaultsAsync(faults, cancellationToken);
        }

        var cpuBefore = meter?.Total.CpuTime;
        var harnessBefore = ProcessReader.Read(Environment.ProcessId)?.CpuTime;
        using var stopKilling = new CancellationTokenSource();
        CrashLoop? crashLoop = connector is not null && meter is not null && spec.Crash is { } plan
            ? new CrashLoop(connector, meter, ledger, plan)
            : null;
        var crashTask = crashLoop?.RunAsync(stopKilling.Token, cancellationToken) ?? Task.CompletedTask;
        var soakLoop = spec.Soak is { } soak ? new SoakLoop(org, soak) : null;
        var soakTask = soakLoop?.RunAsync(Stopwatch.GetTimestamp(), stopKilling.Token, cancellationToken) ?? Task.CompletedTask;

        var drive = await driver.RunAsync(spec.Shape, cancellationToken);
        await stopKilling.CancelAsync();
        await crashTask;
        await soakTask;
        await DrainAsync(ledger, cancellationToken);
        var end = Math.Max(ledger.LastReplyTimestamp, drive.LastAcceptTimestamp);
        var usage = meter?.Total;
        var harness = ProcessReader.Read(Environment.ProcessId)?.CpuTime - harnessBefore;
        var result = Summarize(spec, ledger, drive, end, org.Tap.Published, usage is null || cpuBefore is null ? null : usage with { CpuTime = usage.CpuTime - cpuBefore.Value },
            sink, crashLoop?.Recoveries);
        result = result with { HarnessCpuSeconds = harness is { } spent ? Math.Round(spent.TotalSeconds, 2) : null };
        return soakLoop is null || crashLoop is null ? result : SoakSummary(spec.Soak!, result, ledger, soakLoop, crashLoop);
    }

    /// <summary>The soak's books per cause, and a failure when fewer kills or org restarts happened than planned.</summary>
    private static ScenarioResult SoakSummary(SoakPlan plan, ScenarioResult result, ConversationLedger ledger, SoakLoop soak, CrashLoop crashes)
    {
        var failures = result.Failures.ToList();
        if (crashes.KillTimestamps.Count < plan.Kills)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"only {crashes.KillTimestamps.Count} of {plan.Kills} SIGKILLs within the run"));
        }

        if (soak.OrgRestarts < 1)
        {
            failures.Add("the emulated org did not restart within the run");
        }

        return result with
        {
            Causes = ledger.CountsBy(soak.Causes(crashes.KillTimestamps)),
            OrgRestarts = soak.OrgRestarts,
            Passed = failures.Count == 0,
            Failures = failures,
        };
    }

    private static async Task DrainAsync(ConversationLedger ledger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var lastProgress = started;
        var lastReplies = ledger.Replies;
        while (ledger.Counts().Lost > 0 && Stopwatch.GetElapsedTime(started) < s_drainMax && Stopwatch.GetElapsedTime(lastProgress) < s_drainStall)
        {
            await Task.Delay(50, cancellationToken);
            if (ledger.Replies != lastReplies)
            {
                lastReplies = ledger.Replies;
                lastProgress = Stopwatch.GetTimestamp();
            }
        }
    }

    private static ScenarioResult Summarize(ScenarioSpec spec, ConversationLedger ledger, DriveResult drive, long end, int orgPublished, ProcessUsage? usage,
        DeliverySink? sink, IReadOnlyList<Recovery>? recoveries)
    {
        var counts = ledger.Counts();
        var sending = Stopwatch.GetElapsedTime(drive.StartTimestamp, drive.LastAcceptTimestamp).TotalSeconds;
        var duration = Stopwatch.GetElapsedTime(drive.StartTimestamp, end).TotalSeconds;
        var failures = new List<string>();
        Check(failures, counts.Lost, "lost");
        Check(failures, counts.Duplicated, "duplicated");
        Check(failures, counts.OutOfOrder, "out of order");
        Check(failures, counts.Unexpected, "unexpected replies");
        Check(failures, drive.Rejected, "rejected sends");
        Check(failures, sink?.BadSignatures ?? 0, "deliveries with a bad signature");
        return new ScenarioResult
        {
            Name = spec.Name,
            Description = spec.Description,
            Workload = spec.Shape.ToString(),
            Ceiling = spec.Ceiling,
            Users = spec.Shape.Users,
            MessagesPerUser = spec.Shape.MessagesPerUser,
            OfferedRate = spec.Shape.RatePerSecond,
            Synchronous = spec.Ceiling ? "-" : spec.Synchronous,
            Channel = spec.Ceiling ? null : spec.Channel.ToString().ToLowerInvariant(),
            Faults = spec.Faults is { } faults ? FaultProfiles.Describe(faults) : null,
            KillEverySeconds = spec.Crash?.KillEvery.TotalSeconds,
            DurationSeconds = Math.Round(duration, 2),
            AcceptedPerSecond = Rate(drive.Accepted, sending),
            RoundTripsPerSecond = Rate(counts.Replied, duration),
            Latency = LatencySummary.From(ledger.Latency),
            CpuSeconds = usage is null ? null : Math.Round(usage.CpuTime.TotalSeconds, 2),
            CpuMillisecondsPerMessage = usage is null || counts.Replied == 0 ? null : Math.Round(usage.CpuTime.TotalMilliseconds / counts.Replied, 3),
            PeakMemoryMegabytes = usage is null ? null : Math.Round(usage.PeakResidentBytes / 1048576.0, 1),
            Counts = counts,
            OrgPublished = orgPublished,
            Rejected = drive.Rejected,
            Retries = drive.Retries,
            BadSignatures = sink?.BadSignatures ?? 0,
            Recoveries = recoveries,
            Passed = failures.Count == 0,
            Failures = failures,
        };
    }

    private static void Check(List<string> failures, int count, string what)
    {
        if (count > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {what}"));
        }
    }

    private static double Rate(int count, double seconds) => seconds <= 0 ? 0 : Math.Round(count / seconds, 1);
}
