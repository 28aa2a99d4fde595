namespace Byoc.Emulator.Org.Schema;

/// <summary>Which REST API family exposes an sObject type.</summary>
[Flags]
internal enum ApiSurface
{
    /// <summary>Emulator-internal: no Salesforce API exposes the type (for example <c>OrgSetting</c>).</summary>
    None = 0,

    /// <summary>The data API: <c>/services/data/vNN.0/query</c> and <c>/sobjects</c>.</summary>
    Data = 1,

    /// <summary>The Tooling API: <c>/services/data/vNN.0/tooling/query</c> and <c>/tooling/sobjects</c>.</summary>
    Tooling = 2,

    Both = Data | Tooling,
}
