namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The approved WhatsApp template a Salesforce message definition goes out as. Section
/// <c>Connector:WhatsApp:Channels:{name}:Templates:{message definition name or id}</c>.
/// </summary>
internal sealed class WhatsAppTemplateMapping
{
    /// <summary>The template's name as approved in WhatsApp Manager. <value>Required.</value></summary>
    public string? Name { get; set; }

    /// <summary>
    /// The template's language code (for example <c>en_US</c>). <value>Default: the definition's <c>targetLocale</c> with
    /// <c>_</c> for <c>-</c> (<c>en-US</c> becomes <c>en_US</c>), else the channel's <c>WindowTemplateLanguage</c>.</value>
    /// </summary>
    public string? Language { get; set; }

    /// <summary>
    /// The Salesforce parameter names whose values fill the template body's <c>{{1}}</c>, <c>{{2}}</c>, … in that order.
    /// <value>Default: every parameter, in the order Salesforce sent them.</value>
    /// </summary>
    public List<string> BodyParameters { get; set; } = [];
}
