using System.Globalization;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// The connection settings Twilio applies to one webhook URL, read from its fragment (webhooks connection overrides:
/// <c>#ct=</c>, <c>#rt=</c>, <c>#tt=</c>, <c>#rc=</c>, <c>#rp=</c>, with that page's defaults and ranges). The fragment is
/// never sent: the request goes to, and is signed over, the URL without it.
/// </summary>
/// <param name="Url">The URL without its fragment.</param>
/// <param name="ReadTimeout">rt: how long Twilio waits for the answer (default 15,000 ms).</param>
/// <param name="TotalTime">tt: the time all attempts together may take (default 15,000 ms).</param>
/// <param name="RetryCount">rc: retries after the first attempt (default 1, at most 5).</param>
/// <param name="RetryPolicy">rp: which failures are retried. The page lists <c>4xx</c>, <c>5xx</c>, <c>rt</c>, <c>ct</c>
/// and <c>all</c>; the default is <c>ct</c>, a failed connection only, so a 5xx answer is NOT retried unless the URL says
/// <c>#rp=5xx</c> or <c>#rp=all</c> (UNCONFIRMED: the default is as the page states it; retries follow at once, the
/// page names no backoff).</param>
internal sealed record TwilioConnectionOverrides(Uri Url, TimeSpan ReadTimeout, TimeSpan TotalTime, int RetryCount, IReadOnlySet<string> RetryPolicy)
{
    public static TwilioConnectionOverrides Parse(Uri url)
    {
        var values = url.Fragment.TrimStart('#').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);
        var withoutFragment = new UriBuilder(url) { Fragment = "" }.Uri;
        return new TwilioConnectionOverrides(
            withoutFragment,
            TimeSpan.FromMilliseconds(Read(values, "rt", 15_000, 100, 15_000)),
            TimeSpan.FromMilliseconds(Read(values, "tt", 15_000, 100, 15_000)),
            Read(values, "rc", 1, 0, 5),
            values.TryGetValue("rp", out var policy)
                ? policy.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>(["ct"], StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether a failed attempt (an HTTP status, or none with the kind of failure) is retried.</summary>
    public bool Retries(int? status, bool timedOut)
    {
        if (RetryPolicy.Contains("all"))
        {
            return true;
        }

        return status switch
        {
            null => RetryPolicy.Contains(timedOut ? "rt" : "ct"),
            >= 500 => RetryPolicy.Contains("5xx"),
            >= 400 => RetryPolicy.Contains("4xx"),
            _ => false,
        };
    }

    private static int Read(Dictionary<string, string> values, string key, int fallback, int min, int max) =>
        values.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, min, max)
            : fallback;
}
