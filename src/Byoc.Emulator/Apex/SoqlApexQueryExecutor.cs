using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;

namespace Byoc.Emulator.Apex;

/// <summary>Runs anonymous Apex's inline SOQL on the org's SOQL engine (data API), keeping the selected top-level fields.</summary>
internal sealed class SoqlApexQueryExecutor(SoqlEngine engine) : IApexQueryExecutor
{
    public ApexQueryResult Execute(string soql, string userId)
    {
        var outcome = engine.Execute(soql, ApiSurface.Data);
        if (outcome.Error is { } error)
        {
            return ApexQueryResult.Failure(error.Message.Trim());
        }

        var result = outcome.Result!;
        if (result.IsAggregate || result.IsCountOnly)
        {
            return ApexQueryResult.Failure("Aggregate queries are outside the emulated org's Apex subset.");
        }

        var fields = result.Columns.Where(c => c.Field is not null).Select(c => c.Field!.Name).Prepend("Id")
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = result.Records
            .Select(r => new ApexQueryRow(r.ObjectName, fields.ToDictionary(f => f, f => r[f], StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return new ApexQueryResult(rows);
    }
}
