namespace Byoc.Connector.Admin;

/// <summary>The admin API. Section <c>Connector:Admin</c>.</summary>
internal sealed class AdminOptions
{
    public const string Section = "Connector:Admin";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Byoc-Admin-Key";

    /// <summary>The key every admin request must carry in <see cref="HeaderName"/>. <value>Default none: the admin API answers 404.</value></summary>
    public string? ApiKey { get; set; }
}
