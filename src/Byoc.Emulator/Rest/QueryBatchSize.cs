using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Rest;

/// <summary>
/// The page size of a query: the <c>batchSize</c> of the <c>Sforce-Query-Options</c> header (REST API Developer Guide, "Query
/// Options Header": default 2,000, minimum 200, maximum 2,000, and "no guarantee that the requested batch size is the actual
/// batch size"), so a value outside the range is brought into it. <see cref="OrgRestOptions.QueryBatchSize"/> caps it, so that
/// tests can page small results.
/// </summary>
internal static class QueryBatchSize
{
    public const string HeaderName = "Sforce-Query-Options";
    private const int Minimum = 200;
    private const int Maximum = 2000;

    public static bool TryRead(HttpContext context, out int batchSize, [NotNullWhen(false)] out JsonHttpResult<RestError[]>? error)
    {
        error = null;
        var configured = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<OrgRestOptions>>().Value.QueryBatchSize);
        batchSize = Math.Min(configured, Maximum);
        var header = context.Request.Headers[HeaderName].ToString();
        if (header.Length == 0)
        {
            return true;
        }

        foreach (var option in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? option : option[..equals].Trim();
            if (!string.Equals(name, "batchSize", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (equals < 0 || !int.TryParse(option.AsSpan(equals + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
            {
                // SOAP API's ExceptionCode for the same option; a REST code for it is not documented.
                error = RestErrors.BadRequest("INVALID_BATCH_SIZE", $"{HeaderName}: batchSize must be a number from {Minimum} to {Maximum}, not '{option}'.");
                return false;
            }

            batchSize = Math.Min(configured, Math.Clamp(requested, Minimum, Maximum));
        }

        return true;
    }
}
