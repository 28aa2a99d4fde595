using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql.Ast;

namespace Byoc.Emulator.Soql.Binding;

/// <summary>Resolves names in a query against the org's schema, with Salesforce's errors for unknown types and fields.</summary>
internal static class SoqlBinder
{
    public static SObjectDefinition BindType(OrgSchema schema, SoqlName name, ApiSurface surface)
    {
        var type = schema.FindObject(name.Text);
        // A type the requested API does not expose (FlowDefinition on the data API) is as unknown as a misspelled one.
        if (type is null || (type.Surface & surface) == 0)
        {
            throw SoqlErrors.UnknownType(name.Position, name.Text);
        }

        if (!type.Capabilities.HasFlag(SObjectCapabilities.Queryable) || type.IsPlatformEvent)
        {
            throw SoqlErrors.NotQueryable(name.Position, type.Name);
        }

        return type;
    }

    public static SoqlFieldRef BindPath(OrgSchema schema, SObjectDefinition root, SoqlPath path)
    {
        var segments = path.Segments;
        var start = 0;
        // SOQL allows qualifying a path with the queried type's own name: SELECT MessagingSession.Id FROM MessagingSession.
        if (segments.Count > 1 && string.Equals(segments[0].Text, root.Name, StringComparison.OrdinalIgnoreCase) &&
            root.FindRelationship(segments[0].Text) is null)
        {
            start = 1;
        }

        List<SObjectDefinition> current = [root];
        var steps = new List<SoqlRelationshipStep>();
        for (var i = start; i < segments.Count - 1; i++)
        {
            var segment = segments[i];
            var reference = current.Select(t => t.FindRelationship(segment.Text)).FirstOrDefault(f => f is not null);
            var targets = reference?.ReferenceTo.Select(schema.FindObject).OfType<SObjectDefinition>().ToList() ?? [];
            // Past a polymorphic hop only the shared "Name" fields are reachable; going further is not understood.
            if (reference is null || targets.Count == 0 || current.Count > 1)
            {
                throw SoqlErrors.UnknownRelationship(segment.Position, segment.Text);
            }

            steps.Add(new SoqlRelationshipStep(reference, targets));
            current = targets;
        }

        var last = segments[^1];
        var field = current.Select(t => t.FindField(last.Text)).FirstOrDefault(f => f is not null);
        if (field is null)
        {
            var entity = current.Count == 1 ? current[0].Name : PolymorphicEntityName;
            throw SoqlErrors.UnknownField(last.Position, last.Text, entity);
        }

        return new SoqlFieldRef(steps, field);
    }

    /// <summary>
    /// The entity name Salesforce reports for a polymorphic relationship (in errors and in a related record's
    /// <c>attributes.type</c>): "Name" (org-emulation.md §4.3, "commonly seen", UNCONFIRMED for MessagingSession).
    /// </summary>
    public const string PolymorphicEntityName = "Name";
}
