using System.Globalization;
using System.Text;

namespace Byoc.Emulator.Apex;

/// <summary>
/// The debug log returned in <c>DebuggingInfo/debugLog</c>: a header with the log levels, the source echoed as
/// <c>Execute Anonymous:</c> lines, then timestamped event lines (<c>HH:mm:ss.f (nanoseconds)|EVENT|...</c>). Only the
/// <c>USER_DEBUG</c> line format is confirmed (org-emulation.md §4.6); the other events mimic real logs.
/// </summary>
internal sealed class ApexDebugLog
{
    private readonly StringBuilder _text = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _started;

    public ApexDebugLog(TimeProvider timeProvider, string apiVersion, string source)
    {
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
        _text.Append(apiVersion).Append(" APEX_CODE,DEBUG;APEX_PROFILING,INFO;CALLOUT,INFO;DB,INFO;SYSTEM,DEBUG;")
            .Append("VALIDATION,INFO;VISUALFORCE,INFO;WAVE,INFO;WORKFLOW,INFO\n");
        foreach (var line in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            _text.Append("Execute Anonymous: ").Append(line).Append('\n');
        }
    }

    public void Event(string text)
    {
        var now = _timeProvider.GetUtcNow();
        var nanoseconds = (long)(_timeProvider.GetElapsedTime(_started).TotalMilliseconds * 1_000_000);
        _text.Append(now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append('.')
            .Append((now.Millisecond / 100).ToString(CultureInfo.InvariantCulture))
            .Append(" (").Append(nanoseconds.ToString(CultureInfo.InvariantCulture)).Append(")|").Append(text).Append('\n');
    }

    public void UserDebug(int line, string message) => Event($"USER_DEBUG|[{line}]|DEBUG|{message}");

    public override string ToString() => _text.ToString();
}
