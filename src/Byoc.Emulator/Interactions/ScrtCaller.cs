using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>A caller whose headers passed validation: its token and the conversation channel definition it named.</summary>
internal sealed record ScrtCaller(AccessTokenInfo Token, SObjectRecord ChannelDefinition, string RequestId)
{
    public string ChannelDefinitionName => ChannelDefinition.GetString("DeveloperName")!;
}
