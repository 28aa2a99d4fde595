namespace Byoc.Emulator.Agents;

internal sealed partial class LlmBrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, EventName = "LlmCompletionTimedOut", Level = LogLevel.Warning,
            Message = "The LLM completion did not answer within {Timeout}; the agent gives its fallback answer")]
        public static partial void CompletionTimedOut(ILogger logger, TimeSpan timeout);

        [LoggerMessage(EventId = 4102, EventName = "LlmCompletionFailed", Level = LogLevel.Warning,
            Message = "The LLM completion failed with status {StatusCode}; the agent gives its fallback answer")]
        public static partial void CompletionFailed(ILogger logger, int statusCode, Exception exception);
    }
}
