using System.Reflection;

namespace Byoc.Cli.Tests;

public sealed class ExitCodesTests
{
    [Fact]
    public void ExitCodes_EveryName_HasItsOwnNumber()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (field.Name, Code: (int)field.GetRawConstantValue()!))
            .ToArray();

        var shared = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");
        Assert.Empty(shared);
        Assert.True(codes.Length >= 6, "ExitCodes lost its constants.");
    }
}
