using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>Guide step 5a: the fallback queue, a <c>Group</c> of type Queue whose <c>QueueSobject</c> lists MessagingSession.</summary>
internal sealed class QueueStep : ISetupStep
{
    public string Title => "5a. Fallback queue for MessagingSession";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var name = context.Package.Queue;
        var queues = await context.Org.QueryAsync(
            $"SELECT Id, Name FROM Group WHERE Type='Queue' AND DeveloperName={Soql.Quote(name)}", cancellationToken: cancellationToken);
        if (queues is not [var queue, ..])
        {
            return StepPlan.Change($"create queue {name} for MessagingSession by Metadata deploy");
        }

        var id = queue.Str("Id")!;
        var objects = await context.Org.QueryAsync(
            $"SELECT Id FROM QueueSobject WHERE QueueId={Soql.Quote(id)} AND SobjectType='MessagingSession'", cancellationToken: cancellationToken);
        if (objects.Count == 0)
        {
            return StepPlan.Change($"add MessagingSession to queue {name} by Metadata deploy");
        }

        context.QueueId = id;
        return StepPlan.Done($"{name} ({id}) takes MessagingSession.");
    }

    public Task ApplyAsync(SetupContext context, CancellationToken cancellationToken) =>
        context.DeployAsync([context.Package.Find("Queue", context.Package.Queue)], cancellationToken);
}
