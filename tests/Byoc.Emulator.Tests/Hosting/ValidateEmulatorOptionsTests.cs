using Byoc.Emulator.Faults;
using Byoc.Emulator.Hosting;

namespace Byoc.Emulator.Tests.Hosting;

public sealed class ValidateEmulatorOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new ValidateEmulatorOptions().Validate(null, new EmulatorOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachWithItsKey()
    {
        var options = new EmulatorOptions
        {
            Host = "not-an-ip",
            InstancePort = 70000,
            ScrtPort = 6102,
            PubSubKeepAlive = TimeSpan.Zero,
            Faults = new FaultOptions { ErrorRate = 2, AttachmentUploadError = "Oops" },
        };

        var failures = new ValidateEmulatorOptions().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Emulator:Host", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Emulator:InstancePort", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("must differ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Emulator:PubSubKeepAlive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Emulator:Faults:ErrorRate", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Emulator:Faults:AttachmentUploadError must be one of", StringComparison.Ordinal));
    }
}
