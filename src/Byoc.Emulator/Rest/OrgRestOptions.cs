namespace Byoc.Emulator.Rest;

/// <summary>Settings of the emulated org's REST API (configuration section <c>Org:Rest</c>).</summary>
internal sealed class OrgRestOptions
{
    /// <summary>Records per query batch before <c>nextRecordsUrl</c> paging. <value>2000, Salesforce's default.</value></summary>
    public int QueryBatchSize { get; set; } = 2000;

    /// <summary>Open query cursors kept for <c>nextRecordsUrl</c>; the oldest is dropped beyond this. <value>200</value></summary>
    public int MaxOpenCursors { get; set; } = 200;
}
