using System.Text;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>Splits a multipart/form-data body by hand, so the test sees exactly what went on the wire.</summary>
internal static class MultipartReader
{
    public static IReadOnlyList<(IReadOnlyList<string> Headers, string Body)> Parse(string contentType, string body)
    {
        var boundary = contentType.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("boundary=", StringComparison.Ordinal))["boundary=".Length..];
        var parts = new List<(IReadOnlyList<string>, string)>();
        foreach (var chunk in body.Split("--" + boundary).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var separator = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = chunk[..separator].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var content = chunk[(separator + 4)..];
            parts.Add((headers, content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2] : content));
        }

        return parts;
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
