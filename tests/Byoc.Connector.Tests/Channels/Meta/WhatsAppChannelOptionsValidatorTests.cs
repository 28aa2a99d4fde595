using Byoc.Connector.Channels.Meta;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Channels.Meta;

public sealed class WhatsAppChannelOptionsValidatorTests
{
    private const string Key = "Connector:WhatsApp:Channels:wa";

    [Fact]
    public void Validate_TemplateMappings_WellFormedAccepted()
    {
        var settings = Valid();
        settings.Templates["Order_Shipped"] = new WhatsAppTemplateMapping { Name = "order_update", BodyParameters = ["orderNumber"] };
        settings.Templates["Reminder"] = new WhatsAppTemplateMapping { Name = "reminder_2", Language = "pt_BR" };

        Assert.True(Validate(settings).Succeeded);
    }

    [Theory]
    [InlineData(null, null, "Templates:Order_Shipped:Name must be a template name")]
    [InlineData("Order Update", null, "Templates:Order_Shipped:Name must be a template name of lower-case letters, digits and '_' (got 'Order Update')")]
    [InlineData("order_update", " ", "Templates:Order_Shipped:Language must be a language code")]
    public void Validate_BadTemplateMapping_NamesItsKey(string? name, string? language, string failure)
    {
        var settings = Valid();
        settings.Templates["Order_Shipped"] = new WhatsAppTemplateMapping { Name = name, Language = language };

        var result = Validate(settings);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.StartsWith($"{Key}:{failure}", StringComparison.Ordinal));
    }

    private static WhatsAppEndpointOptions Valid() => new()
    {
        ChannelAddressIdentifier = "addr",
        AppSecret = "app-secret-value",
        VerifyToken = "verify-token-value",
        AccessToken = "EAAaccess-token-value",
        PhoneNumberId = "106540352242922",
    };

    private static ValidateOptionsResult Validate(WhatsAppEndpointOptions settings) =>
        new WhatsAppChannelOptionsValidator().Validate(null, new WhatsAppChannelOptions { Channels = { ["wa"] = settings } });
}
