using System.IO.Compression;
using System.Xml.Linq;
using Byoc.Setup.Package;

namespace Byoc.Setup.Tests;

public sealed class ProviderPackageTests
{
    private static readonly XNamespace s_md = MetadataZip.Md;

    [Fact]
    public void Load_EmbeddedSalesforceFolder_HasEveryComponentOfTheProviderPackage()
    {
        var package = ProviderPackage.Load();

        Assert.Equal(
            ["ConversationChannelDefinition Byoc_ChannelDefinition", "CustomObject Byoc_Interaction__e", "PermissionSet sfdc_scrt2",
                "Queue AgentforceChannel_Queue", "Settings OmniChannel"],
            package.Components.Select(c => $"{c.Type} {c.FullName}").Order(StringComparer.Ordinal));
        Assert.Equal(("Byoc_Interaction__e", "EventType__c", "Payload__c"), (package.PlatformEvent, package.EventTypeField, package.PayloadField));
        Assert.Equal("Byoc_ChannelDefinition", package.ChannelDefinition);
    }

    [Fact]
    public void Load_PlatformEvent_FoldsItsFieldFilesIntoTheObject()
    {
        var component = ProviderPackage.Load().Find("CustomObject", "Byoc_Interaction__e");

        Assert.Equal("objects/Byoc_Interaction__e.object", component.ZipPath);
        Assert.Equal(["EventType__c", "Payload__c"], component.Content.Elements(s_md + "fields").Select(f => f.Element(s_md + "fullName")!.Value));
    }

    [Fact]
    public void Build_Components_WritesPackageXmlNamingEachMember()
    {
        var zip = MetadataZip.Build(ProviderPackage.Load().Components);

        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Contains(archive.Entries, e => e.FullName == "conversationChannelDefinitions/Byoc_ChannelDefinition.conversationChannelDefinition");
        using var manifest = archive.GetEntry("package.xml")!.Open();
        var package = XDocument.Load(manifest).Root!;
        Assert.Equal("62.0", package.Element(s_md + "version")!.Value);
        Assert.Contains(package.Elements(s_md + "types"),
            t => t.Element(s_md + "name")!.Value == "Queue" && t.Element(s_md + "members")!.Value == "AgentforceChannel_Queue");
    }
}
