using System.Text.Json.Nodes;
using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>The platform event exists with the EventType and Payload fields the channel definition maps.</summary>
internal sealed class EventFieldsCheck : IDoctorCheck
{
    public string Name => "event-fields";

    public string Title => "Platform event has the two mapped fields";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var package = context.Package;
        var describe = await context.Org.DescribeAsync(package.PlatformEvent, cancellationToken);
        const string Fix = "Deploy the provider package: byoc setup.";
        if (describe is null)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"The org has no {package.PlatformEvent}.", Fix);
        }

        var fields = describe["fields"]?.AsArray().OfType<JsonObject>().Select(f => f.Str("name")).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var missing = new[] { package.EventTypeField, package.PayloadField }.Where(f => !fields.Contains(f)).ToList();
        return missing.Count == 0
            ? new CheckResult(Name, Title, CheckStatus.Pass, $"{package.PlatformEvent} has {package.EventTypeField} and {package.PayloadField}.")
            : new CheckResult(Name, Title, CheckStatus.Fail, $"{package.PlatformEvent} lacks {string.Join(", ", missing)}.", Fix);
    }
}
