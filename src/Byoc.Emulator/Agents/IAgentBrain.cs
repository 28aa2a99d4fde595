namespace Byoc.Emulator.Agents;

/// <summary>Decides what the agent does with one end-user message: the scripted brain or the LLM brain.</summary>
internal interface IAgentBrain
{
    ValueTask<AgentPlan> PlanAsync(AgentTurn turn, CancellationToken cancellationToken);

    /// <summary>Forgets the dialogue of a session (it was escalated, ended or re-opened).</summary>
    void Forget(string sessionId);
}
