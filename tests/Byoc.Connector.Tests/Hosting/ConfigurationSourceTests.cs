using Byoc.Connector.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Hosting;

/// <summary>The configuration file, the sources named in validation failures, and the console log format.</summary>
public sealed class ConfigurationSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-config-src-").FullName;

    [Fact]
    public async Task Explain_EachSource_NamesWhereTheKeyWasSet()
    {
        var config = Path.Combine(_directory, "connector.json");
        await File.WriteAllTextAsync(config, """{ "Connector": { "Salesforce": { "ScrtUrl": "not a url" } } }""", TestContext.Current.CancellationToken);
        var variable = "Connector__Probe" + Guid.NewGuid().ToString("N") + "__Key";
        Environment.SetEnvironmentVariable(variable, "x");
        try
        {
            await using var app = ConnectorApplication.Create(new ConnectorHostSettings
            {
                ConfigFile = config,
                Args = ["--Connector:Salesforce:OrgId=00Dxx"],
            });
            var key = variable.Replace("__", ":", StringComparison.Ordinal);

            var lines = ConnectorConfiguration.Explain(app.Configuration,
            [
                "Connector:Salesforce:ScrtUrl must be an absolute http(s) URL.",
                "Connector:Salesforce:OrgId is odd.",
                $"{key} is odd.",
                "Connector:Salesforce:ConsumerKey is required.",
                "Something without a key.",
            ]).ToArray();

            Assert.Equal($"Connector:Salesforce:ScrtUrl must be an absolute http(s) URL. [the file {config}]", lines[0]);
            Assert.Equal("Connector:Salesforce:OrgId is odd. [the command line (--Connector:Salesforce:OrgId)]", lines[1]);
            Assert.Equal($"{key} is odd. [the environment variable {variable}]", lines[2]);
            Assert.Equal("Connector:Salesforce:ConsumerKey is required. [not set in any source]", lines[3]);
            Assert.Equal("Something without a key.", lines[4]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Create_ConfigFileOverridesAppSettingsAndYieldsToTheCommandLine()
    {
        var config = Path.Combine(_directory, "connector.json");
        await File.WriteAllTextAsync(config, """{ "Connector": { "Salesforce": { "OrgId": "from-file", "Username": "from-file" } } }""",
            TestContext.Current.CancellationToken);

        await using var app = ConnectorApplication.Create(new ConnectorHostSettings { ConfigFile = config, Args = ["--Connector:Salesforce:OrgId=from-args"] });

        Assert.Equal("from-args", app.Configuration["Connector:Salesforce:OrgId"]);
        Assert.Equal("from-file", app.Configuration["Connector:Salesforce:Username"]);
    }

    [Fact]
    public void Create_ConfigFileMissing_FailsNamingIt()
    {
        var missing = Path.Combine(_directory, "missing.json");

        var ex = Assert.Throws<OptionsValidationException>(() => ConnectorApplication.Create(new ConnectorHostSettings { ConfigFile = missing }));

        Assert.Contains(missing, Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_JsonFormatterAsked_ConsoleLogsAsJson()
    {
        await using var app = ConnectorApplication.Create(["--Logging:Console:FormatterName=Json"]);

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public void Create_UnknownFormatter_FailsNamingTheKey()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => ConnectorApplication.Create(["--Logging:Console:FormatterName=xml"]));

        Assert.Contains("Logging:Console:FormatterName must be one of simple, json, systemd (got 'xml')", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
