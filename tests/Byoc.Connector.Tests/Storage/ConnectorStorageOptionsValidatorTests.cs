using Byoc.Connector.Storage;
using Byoc.Storage.Sqlite;

namespace Byoc.Connector.Tests.Storage;

public sealed class ConnectorStorageOptionsValidatorTests
{
    [Theory]
    [InlineData("Normal", false)]
    [InlineData("full", true)]
    [InlineData(" FULL ", true)]
    public void Validate_KnownSynchronousMode_SucceedsAndMapsIt(string value, bool full)
    {
        var expected = full ? SqliteSynchronous.Full : SqliteSynchronous.Normal;
        var options = new ConnectorStorageOptions { Path = "c.db", Synchronous = value };

        var result = new ConnectorStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, ConnectorStorageExtensions.SynchronousOf(options));
    }

    [Fact]
    public void Validate_UnknownSynchronousMode_FailsNamingTheKeyAndValue()
    {
        var options = new ConnectorStorageOptions { Path = "c.db", Synchronous = "Off" };

        var result = new ConnectorStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Connector:Storage:Synchronous must be 'Normal' or 'Full' (got 'Off')", result.FailureMessage, StringComparison.Ordinal);
    }
}
