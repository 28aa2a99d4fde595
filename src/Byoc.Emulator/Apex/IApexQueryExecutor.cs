namespace Byoc.Emulator.Apex;

/// <summary>
/// Runs the inline SOQL of anonymous Apex. The seam between the Apex interpreter and the org's SOQL engine: the host
/// registers <see cref="SoqlApexQueryExecutor"/>, an adapter over the real engine.
/// </summary>
/// <remarks>
/// Called synchronously while the script's transaction holds the <see cref="Org.Records.OrgStore"/> write lock (the
/// lock is re-entrant on the calling thread), so an implementation must read the store on the calling thread. It sees
/// committed records only, not the script's own earlier DML.
/// </remarks>
internal interface IApexQueryExecutor
{
    /// <summary>Runs a data-API query whose bind variables are already replaced by literals.</summary>
    /// <param name="soql">The query text, for example <c>SELECT Id FROM MessagingChannel WHERE DeveloperName = 'X' LIMIT 1</c>.</param>
    /// <param name="userId">The user running the script.</param>
    ApexQueryResult Execute(string soql, string userId);
}
