using Byoc.Emulator.Auth;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Interactions;

namespace Byoc.Emulator.Faults;

/// <summary>
/// The current fault settings (from <see cref="EmulatorOptions.Faults"/>, changeable at run time) and their effects on the
/// Interaction Service API (latency, 500/503/429 answers, lost answers) and Pub/Sub (stream drops). Failing requests are drawn from a seeded
/// random source so that test runs repeat.
/// </summary>
internal sealed class FaultInjector(EmulatorOptions options, AccessTokens tokens, TimeProvider timeProvider)
{
    private static readonly int[] s_failureStatuses = [StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
        StatusCodes.Status429TooManyRequests];

    private readonly Lock _lock = new();
    private FaultOptions _current = options.Faults;
    private Random _random = new(options.Faults.RandomSeed);

    public FaultOptions Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public void Update(FaultOptions faults)
    {
        lock (_lock)
        {
            _current = faults;
            _random = new Random(faults.RandomSeed);
        }
    }

    public int RevokeAllTokens() => tokens.RevokeAll();

    /// <summary>Applies latency, then maybe answers instead of the API (null lets the request through).</summary>
    public async Task<InteractionError?> BeforeInteractionAsync(CancellationToken cancellationToken)
    {
        var faults = Current;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, timeProvider, cancellationToken);
        }

        int? status = null;
        lock (_lock)
        {
            if (faults.ErrorRate > 0 && _random.NextDouble() < faults.ErrorRate)
            {
                status = s_failureStatuses[_random.Next(s_failureStatuses.Length)];
            }
        }

        return status switch
        {
            null => null,
            StatusCodes.Status429TooManyRequests => new InteractionError(500, "Too many requests (fault injection).", status.Value),
            _ => InteractionError.Of(500) with { StatusCode = status.Value },
        };
    }

    /// <summary>True when the answer of a request that was processed must be replaced by a 503 (a lost answer).</summary>
    public bool ShouldLoseAnswer()
    {
        var rate = Current.LostAnswerRate;
        lock (_lock)
        {
            return rate > 0 && _random.NextDouble() < rate;
        }
    }

    /// <summary>True when a subscription that delivered this many events must be dropped.</summary>
    public bool ShouldDropStream(long deliveredEvents) =>
        Current.DropStreamEveryEvents is > 0 and var every && deliveredEvents >= every;

    /// <summary>Endpoint filter of the Interaction Service API group.</summary>
    public static async ValueTask<object?> InteractionFilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var injector = context.HttpContext.RequestServices.GetRequiredService<FaultInjector>();
        var error = await injector.BeforeInteractionAsync(context.HttpContext.RequestAborted);
        if (error is not null)
        {
            return error.ToResult();
        }

        var result = await next(context);
        return injector.ShouldLoseAnswer() ? (InteractionError.Of(500) with { StatusCode = StatusCodes.Status503ServiceUnavailable }).ToResult() : result;
    }
}
