using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// Applies metadata components to the emulated org in one store transaction. Every component gets a success or a
/// failure; with <c>rollbackOnError</c> one failure rolls back the whole deploy, without it the successes stay
/// (SucceededPartial); <c>checkOnly</c> validates and always rolls back. Platform events defined by the deploy enter
/// the schema only after the records commit.
/// </summary>
internal sealed class MetadataDeployer(OrgStore store)
{
    public DeployOutcome Deploy(byte[] zip, DeployOptions options, string userId)
    {
        var (components, problem) = MetadataPackage.Read(zip);
        if (problem is not null)
        {
            return new DeployOutcome("Failed", [new ComponentResult("", "package.xml", "package.xml", false, false, false, null, problem)], problem);
        }

        return Apply(components, options, userId);
    }

    public DeployOutcome Apply(IReadOnlyList<MetadataComponent> components, DeployOptions options, string userId)
    {
        var ordered = components
            .Select((c, i) => (Component: c, Order: MetadataTypes.All.ToList().FindIndex(t => t.Name == c.Type), Index: i))
            .OrderBy(c => c.Order < 0 ? int.MaxValue : c.Order).ThenBy(c => c.Index)
            .Select(c => c.Component)
            .ToList();
        var results = new List<ComponentResult>();
        DeployContext? committed = null;
        try
        {
            store.Write(writer =>
            {
                var context = new DeployContext(writer);
                foreach (var component in ordered)
                {
                    results.Add(ApplyOne(context, component));
                }

                var failed = results.Any(r => !r.Success);
                if (options.CheckOnly || (failed && options.RollbackOnError) || results.All(r => !r.Success))
                {
                    throw new RollbackException();
                }

                committed = context;
            }, userId);
        }
        catch (RollbackException)
        {
            committed = null;
        }

        if (committed is not null)
        {
            foreach (var definition in committed.PendingObjects.Values)
            {
                store.DefineCustomObject(definition);
            }
        }

        var failures = results.Count(r => !r.Success);
        var status = failures == 0 ? "Succeeded"
            : options.RollbackOnError || failures == results.Count ? "Failed"
            : "SucceededPartial";
        return new DeployOutcome(status, results);
    }

    private static ComponentResult ApplyOne(DeployContext context, MetadataComponent component)
    {
        var type = MetadataTypes.Find(component.Type);
        if (type is null)
        {
            return ComponentResult.Failed(component,
                $"The emulated org cannot deploy metadata type '{component.Type}' (it deploys {MetadataTypes.Names}).");
        }

        if (!component.FileFound)
        {
            return ComponentResult.Failed(component,
                $"An object '{component.FullName}' of type {component.Type} was named in package.xml, but was not found in zipped directory");
        }

        if (component.Content is null)
        {
            return ComponentResult.Failed(component, $"Error parsing file: {component.FileName} is not well-formed XML");
        }

        try
        {
            var outcome = type.Apply(context, component);
            return new ComponentResult(component.Type, component.FullName, component.FileName, true, outcome.Created, !outcome.Created, outcome.Id, null);
        }
        catch (MetadataProblemException e)
        {
            return ComponentResult.Failed(component, e.Message);
        }
    }

    /// <summary>Aborts the store transaction (checkOnly, or a failure under rollbackOnError).</summary>
    private sealed class RollbackException : Exception;
}
