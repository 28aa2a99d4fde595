using Byoc.Emulator.Org.Records;
using static Byoc.Emulator.Routing.OrgRouting;

namespace Byoc.Emulator.Routing;

internal sealed partial class OmniChannel
{
    /// <summary>The presence values a rep can pick; Offline means no current UserServicePresence row.</summary>
    public static readonly IReadOnlyList<string> PresenceValues = ["Available", "Busy", "Offline"];

    /// <summary>
    /// Sets the rep's Omni-Channel presence: closes the current UserServicePresence row (StatusEndDate) and, unless
    /// Offline, opens a new one with the ServicePresenceStatus of that developer name and the configured capacity.
    /// </summary>
    public RoutingResult SetPresence(string userId, string status) => store.Write(w =>
    {
        string? statusId = null;
        if (status != "Offline")
        {
            statusId = w.Lookup("ServicePresenceStatus", "DeveloperName", status) is [var found, ..] ? found.Id : null;
            if (statusId is null)
            {
                return new RoutingResult(RoutingStatus.NotFound);
            }
        }

        if (CurrentPresence(w, userId) is { } current)
        {
            w.Update(current.Id, Fields(("IsCurrentState", false), ("StatusEndDate", w.Now)));
        }

        if (statusId is not null)
        {
            w.Insert("UserServicePresence", Fields(
                ("UserId", userId), ("ServicePresenceStatusId", statusId), ("IsCurrentState", true), ("IsAway", status != "Available"),
                ("StatusStartDate", w.Now), ("ConfiguredCapacity", (long)options.Value.RepCapacity)));
        }

        return new RoutingResult(RoutingStatus.Done);
    }, userId);

    /// <summary>The rep's current presence developer name, or Offline.</summary>
    public string PresenceOf(string userId) => store.Write(w =>
        CurrentPresence(w, userId) is { } presence ? PresenceName(w, presence) ?? "Offline" : "Offline");

    private static SObjectRecord? CurrentPresence(OrgWriter w, string userId) =>
        w.Lookup("UserServicePresence", "UserId", userId).LastOrDefault(p => p.GetBoolean("IsCurrentState"));

    private static string? PresenceName(OrgWriter w, SObjectRecord presence) =>
        presence.GetString("ServicePresenceStatusId") is { } id ? w.Get(id)?.GetString("DeveloperName") : null;
}
