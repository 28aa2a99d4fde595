namespace Byoc.Emulator.Metadata;

/// <summary>
/// The metadata types the emulated org deploys, in the order it applies them (dependencies first), with their zip
/// folder and file suffix as the sf CLI zips them (source-deploy-retrieve's metadata registry; note the capitalised
/// <c>ConversationVendorInformation</c> folder and the <c>.ConversationChannelDefinition</c> suffix). Zip paths are
/// matched case-insensitively.
/// </summary>
internal static class MetadataTypes
{
    public static readonly IReadOnlyList<MetadataType> All =
    [
        new("CustomObject", "objects", "object", CustomObjectMetadata.ApplyObject),
        new("CustomField", "objects", "object", CustomObjectMetadata.ApplyField),
        new("Settings", "settings", "settings", SettingsMetadata.Apply),
        new("Queue", "queues", "queue", QueueMetadata.Apply),
        new("PermissionSet", "permissionsets", "permissionset", PermissionSetMetadata.Apply),
        new("ConversationVendorInfo", "ConversationVendorInformation", "ConversationVendorInformation", ChannelDefinitionMetadata.ApplyVendor),
        new("ConversationChannelDefinition", "conversationChannelDefinitions", "ConversationChannelDefinition", ChannelDefinitionMetadata.ApplyDefinition),
        new("MessagingChannel", "messagingChannels", "messagingChannel", MessagingChannelMetadata.Apply),
    ];

    public static MetadataType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The supported type names, for the problem reported on an unsupported one.</summary>
    public static string Names => string.Join(", ", All.Select(t => t.Name));

    /// <summary>A supported type: where its files live and how a component is applied.</summary>
    internal sealed record MetadataType(string Name, string Folder, string Suffix, Func<DeployContext, MetadataComponent, ComponentOutcome> Apply)
    {
        /// <summary>The zip path of a member; a CustomField lives in its object's file.</summary>
        public string FileName(string member) =>
            $"{Folder}/{(Name == "CustomField" ? member.Split('.')[0] : member)}.{Suffix}";
    }
}
