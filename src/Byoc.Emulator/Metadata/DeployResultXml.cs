using System.Globalization;
using System.Xml.Linq;
using Byoc.Emulator.Soap;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// The <c>DeployResult</c> XML (jsforce's schema: org-emulation.md §4.7), elements in Salesforce's alphabetical order.
/// jsforce converts booleans and numbers from this text using its schema.
/// </summary>
internal static class DeployResultXml
{
    private static readonly XNamespace s_md = SoapNamespaces.Metadata;

    public static XElement Result(DeployJob job, bool includeDetails)
    {
        var outcome = job.ReportedInProgress || job.Canceled ? job.Outcome : null;
        var done = outcome is not null || job.Canceled;
        var status = job.Canceled ? "Canceled" : outcome?.Status ?? (job.StartDate is null ? "Pending" : "InProgress");
        var components = outcome?.Components ?? [];
        var total = job.Outcome?.Components.Count ?? 0;
        var result = new XElement(s_md + "result",
            Element("checkOnly", job.Options.CheckOnly),
            job.CompletedDate is { } completed && done ? Element("completedDate", Date(completed)) : null,
            Element("createdBy", job.UserId),
            Element("createdByName", job.UserName),
            Element("createdDate", Date(job.CreatedDate)));
        if (includeDetails)
        {
            result.Add(new XElement(s_md + "details",
                (outcome?.Success == true ? components.Where(c => c.Success).Prepend(PackageXml()) : components.Where(c => c.Success))
                    .Select(c => Message(c, job)),
                components.Where(c => !c.Success).Select(c => Message(c, job)),
                new XElement(s_md + "runTestResult",
                    Element("numFailures", 0), Element("numTestsRun", 0), Element("totalTime", "0.0"))));
        }

        result.Add(
            Element("done", done),
            outcome?.ErrorMessage is { } error ? Element("errorMessage", error) : null,
            outcome?.ErrorMessage is not null ? Element("errorStatusCode", "UNKNOWN_EXCEPTION") : null,
            Element("id", job.Id),
            Element("ignoreWarnings", job.Options.IgnoreWarnings),
            Element("lastModifiedDate", Date(job.LastModifiedDate)),
            Element("numberComponentErrors", outcome?.Errors ?? 0),
            Element("numberComponentsDeployed", outcome?.Deployed ?? 0),
            Element("numberComponentsTotal", total),
            Element("numberTestErrors", 0),
            Element("numberTestsCompleted", 0),
            Element("numberTestsTotal", 0),
            Element("rollbackOnError", job.Options.RollbackOnError),
            Element("runTestsEnabled", false),
            job.StartDate is { } started ? Element("startDate", Date(started)) : null,
            !done && job.StartDate is not null ? Element("stateDetail", "Processing Type: " + string.Join(", ", (job.Outcome?.Components ?? []).Select(c => c.Type).Distinct())) : null,
            Element("status", status),
            Element("success", outcome?.Success ?? false));
        return result;
    }

    private static ComponentResult PackageXml() => new("", "package.xml", "package.xml", true, false, true, null, null);

    private static XElement Message(ComponentResult component, DeployJob job) =>
        new(s_md + (component.Success ? "componentSuccesses" : "componentFailures"),
            Element("changed", component.Changed),
            !component.Success ? Element("columnNumber", 0) : null,
            Element("componentType", component.Type),
            Element("created", component.Created),
            Element("createdDate", Date(job.CompletedDate ?? job.CreatedDate)),
            Element("deleted", false),
            Element("fileName", component.FileName),
            Element("fullName", component.FullName),
            component.Id is not null ? Element("id", component.Id) : null,
            !component.Success ? Element("lineNumber", 0) : null,
            component.Problem is not null ? Element("problem", component.Problem) : null,
            !component.Success ? Element("problemType", "Error") : null,
            Element("success", component.Success));

    private static XElement Element(string name, object value) => new(s_md + name, value switch
    {
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    });

    private static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
