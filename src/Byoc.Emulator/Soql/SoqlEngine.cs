using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Soql;

/// <summary>Runs SOQL against the emulated org: a result, or exactly the error a real org answers (never an exception).</summary>
internal sealed class SoqlEngine(OrgStore store, TimeProvider timeProvider)
{
    /// <summary>The longest SOQL statement Salesforce accepts.</summary>
    public const int MaxQueryLength = 100_000;

    public SoqlOutcome Execute(string? text, ApiSurface surface)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SoqlOutcome(null, new SoqlError(SoqlErrors.MalformedQuery, "A query string has to be specified"));
        }

        if (text.Length > MaxQueryLength)
        {
            return new SoqlOutcome(null, new SoqlError(SoqlErrors.MalformedQuery,
                "SOQL statements cannot be longer than 100,000 characters."));
        }

        try
        {
            var query = SoqlParser.Parse(text);
            return new SoqlOutcome(new SoqlExecutor(store, surface, timeProvider.GetUtcNow()).Run(query), null);
        }
        catch (SoqlException e)
        {
            return new SoqlOutcome(null, SoqlErrors.Format(text, e));
        }
    }
}
