namespace Byoc.Core.Storage;

/// <summary>Platform messages on their way to Salesforce, de-duplicated by (channel, platform message id).</summary>
public interface IInboxStore : IWorkQueue;
