using System.IO.Compression;
using System.Text;

namespace Byoc.Emulator.Tests.Metadata;

/// <summary>Builds a deploy zip the way the sf CLI does: package.xml at the root plus one file per component.</summary>
internal sealed class DeployZip
{
    private readonly List<(string Type, string Member)> _members = [];
    private readonly Dictionary<string, string> _files = [];

    public DeployZip Add(string type, string member, string? path = null, string? xml = null)
    {
        _members.Add((type, member));
        if (path is not null)
        {
            _files[path] = xml!;
        }

        return this;
    }

    public byte[] Build()
    {
        var package = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n");
        foreach (var group in _members.GroupBy(m => m.Type))
        {
            package.Append("    <types>\n");
            foreach (var (_, member) in group)
            {
                package.Append("        <members>").Append(member).Append("</members>\n");
            }

            package.Append("        <name>").Append(group.Key).Append("</name>\n    </types>\n");
        }

        package.Append("    <version>62.0</version>\n</Package>\n");
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, xml) in _files.Append(new KeyValuePair<string, string>("package.xml", package.ToString())))
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return buffer.ToArray();
    }

    public static string Md(string root, string body) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n{body}\n</{root}>\n";

    public static DeployZip Queue(string name = "AgentforceChannel_Queue") => new DeployZip().Add("Queue", name, $"queues/{name}.queue",
        Md("Queue", $"<fullName>{name}</fullName>\n<name>AgentforceChannel Queue</name>\n<queueSobject>\n<sobjectType>MessagingSession</sobjectType>\n</queueSobject>"));

    public static DeployZip OmniChannel() => new DeployZip().Add("Settings", "OmniChannel", "settings/OmniChannel.settings",
        Md("OmniChannelSettings", "<enableOmniChannel>true</enableOmniChannel>"));

    /// <summary>A platform event as the CLI zips the decomposed source: one .object file, fields listed as CustomField members.</summary>
    public static DeployZip PlatformEvent(DeployZip zip, string name = "Acme_Interaction__e") => zip
        .Add("CustomObject", name, $"objects/{name}.object", Md("CustomObject", """
            <deploymentStatus>Deployed</deploymentStatus>
            <eventType>HighVolume</eventType>
            <label>Acme Interaction</label>
            <pluralLabel>Acme Interactions</pluralLabel>
            <publishBehavior>PublishAfterCommit</publishBehavior>
            <fields><fullName>EventType__c</fullName><externalId>false</externalId><label>Event Type</label><length>255</length><required>false</required><type>Text</type><unique>false</unique></fields>
            <fields><fullName>Payload__c</fullName><externalId>false</externalId><label>Payload</label><length>131072</length><type>LongTextArea</type><visibleLines>3</visibleLines></fields>
            """))
        .Add("CustomField", $"{name}.EventType__c")
        .Add("CustomField", $"{name}.Payload__c");
}
