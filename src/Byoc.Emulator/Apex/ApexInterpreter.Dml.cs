using Byoc.Emulator.Apex.Syntax;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Apex;

internal sealed partial class ApexInterpreter
{
    private void ExecuteDml(DmlStatement dml)
    {
        var target = Evaluate(dml.Target);
        var rows = target switch
        {
            ApexSObject single => [single],
            List<ApexSObject> list => list,
            _ => throw new ApexRuntimeException("System.NullPointerException", "Argument cannot be null.", dml.Target.Line, dml.Target.Column),
        };
        var operation = char.ToUpperInvariant(dml.Operation[0]) + dml.Operation[1..];
        var typeName = rows.Count > 0 ? rows[0].Type.Name : "";
        _log.Event($"DML_BEGIN|[{dml.Line}]|Op:{operation}|Type:{typeName}|Rows:{rows.Count}");
        for (var row = 0; row < rows.Count; row++)
        {
            var record = rows[row] ?? throw new ApexRuntimeException(
                "System.DmlException", $"{operation} failed. First exception on row {row}; first error: INVALID_ARGUMENT, null row", dml.Line, dml.Column);
            var problem = dml.Operation switch
            {
                "insert" => Insert(record),
                "update" => Update(record),
                _ => Delete(record),
            };
            if (problem is not null)
            {
                var withId = record.Id is null || dml.Operation == "insert" ? "" : $" with id {record.Id}";
                throw new ApexRuntimeException(
                    "System.DmlException",
                    $"{operation} failed. First exception on row {row}{withId}; first error: {problem.Code}, {problem.Message}: [{string.Join(", ", problem.Fields)}]",
                    dml.Line, dml.Column);
            }
        }

        _log.Event($"DML_END|[{dml.Line}]");
    }

    private DmlProblem? Insert(ApexSObject record)
    {
        if (record.Id is not null)
        {
            return new DmlProblem("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", ["Id"]);
        }

        var fields = record.Changed.Select(name => record.Type.FindField(name)!).ToList();
        var problem = CheckFields(record, fields, f => f.Createable);
        if (problem is not null)
        {
            return problem;
        }

        return Store(() => record.AcceptChanges(_writer.Insert(record.Type.Name, ChangedValues(record)).Id));
    }

    private DmlProblem? Update(ApexSObject record)
    {
        if (record.Id is null)
        {
            return new DmlProblem("MISSING_ARGUMENT", "Id not specified in an update call", []);
        }

        if (_writer.Get(record.Id) is not { } existing || !string.Equals(existing.ObjectName, record.Type.Name, StringComparison.OrdinalIgnoreCase))
        {
            return new DmlProblem("ENTITY_IS_DELETED", "entity is deleted", []);
        }

        var fields = record.Changed.Select(name => record.Type.FindField(name)!).ToList();
        var problem = CheckFields(record, fields, f => f.Updateable);
        if (problem is not null)
        {
            return problem;
        }

        return Store(() =>
        {
            _writer.Update(record.Id, ChangedValues(record));
            record.AcceptChanges(record.Id);
        });
    }

    private DmlProblem? Delete(ApexSObject record)
    {
        if (record.Id is null)
        {
            return new DmlProblem("MISSING_ARGUMENT", "Id not specified in a delete call", []);
        }

        if (_writer.Get(record.Id) is null)
        {
            return new DmlProblem("ENTITY_IS_DELETED", "entity is deleted", []);
        }

        _writer.Delete(record.Id);
        return null;
    }

    /// <summary>Field-level rules the API enforces: writeability for the operation, then reference targets.</summary>
    private DmlProblem? CheckFields(ApexSObject record, List<FieldDefinition> fields, Func<FieldDefinition, bool> writable)
    {
        var readOnly = fields.Where(f => !writable(f)).Select(f => f.Name).ToList();
        if (readOnly.Count > 0)
        {
            return new DmlProblem(
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings of this field " +
                "and verify that it is read/write for your profile or permission set.",
                readOnly);
        }

        foreach (var field in fields.Where(f => f.Type == FieldType.Reference))
        {
            if (record.Get(field.Name) is not string id)
            {
                continue;
            }

            var target = _writer.Schema.FindByKeyPrefix(SalesforceId.KeyPrefixOf(id));
            if (target is null || !field.ReferenceTo.Contains(target.Name, StringComparer.OrdinalIgnoreCase))
            {
                return new DmlProblem("FIELD_INTEGRITY_EXCEPTION", $"{field.Label}: id value of incorrect type: {id}", [field.Name]);
            }

            if (_writer.Get(id) is null)
            {
                return new DmlProblem("INVALID_CROSS_REFERENCE_KEY", $"invalid cross reference id", [field.Name]);
            }
        }

        return null;
    }

    private static Dictionary<string, object?> ChangedValues(ApexSObject record) =>
        record.Changed.ToDictionary(name => record.Type.FindField(name)!.Name, name => record.Get(name), StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs the store write; a value the field cannot take becomes the DML error Salesforce reports for it.</summary>
    private static DmlProblem? Store(Action write)
    {
        try
        {
            write();
            return null;
        }
        catch (FieldValueException e)
        {
            var code = e.Message.Contains("restricted picklist", StringComparison.Ordinal) ? "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"
                : e.Message.Contains("too large", StringComparison.Ordinal) ? "STRING_TOO_LONG"
                : "FIELD_INTEGRITY_EXCEPTION";
            var detail = e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            return new DmlProblem(code, $"{e.Field}: {detail}", [e.Field]);
        }
    }

    private sealed record DmlProblem(string Code, string Message, IReadOnlyList<string> Fields);
}
