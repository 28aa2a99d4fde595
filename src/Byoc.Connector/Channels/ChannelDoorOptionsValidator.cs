using System.Net;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels;

/// <summary>Checks <see cref="ChannelDoorOptions"/> and names every wrong key.</summary>
internal sealed class ChannelDoorOptionsValidator : IValidateOptions<ChannelDoorOptions>
{
    private const string S = ChannelDoorOptions.Section;

    public ValidateOptionsResult Validate(string? name, ChannelDoorOptions options)
    {
        var errors = new List<string>();
        if (options.PublicBaseUrl is { } url && !IsBaseUrl(url))
        {
            errors.Add($"{S}:PublicBaseUrl must be an absolute http or https URL without a query or fragment (got '{url}').");
        }

        foreach (var proxy in options.TrustedProxies.Where(p => ParseNetwork(p) is null))
        {
            errors.Add($"{S}:TrustedProxies has '{proxy}'; expected an IP address or a network such as 10.0.0.0/8.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Whether <paramref name="url"/> can start a public URL.</summary>
    public static bool IsBaseUrl(Uri url) =>
        url.IsAbsoluteUri && url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment);

    /// <summary>An address (as a one-address network) or a CIDR network, or null.</summary>
    public static IPNetwork? ParseNetwork(string? text)
    {
        var value = text?.Trim();
        if (IPAddress.TryParse(value, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return IPNetwork.TryParse(value, out var network) ? network : null;
    }
}
