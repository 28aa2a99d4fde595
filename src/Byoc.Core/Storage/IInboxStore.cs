namespace Byoc.Core.Storage;

/// <summary>Platform messages on their way to Salesforce, de-duplicated by (channel, platform message id).</summary>
internal interface IInboxStore : IWorkQueue;
