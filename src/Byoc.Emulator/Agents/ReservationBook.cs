using System.Collections.Concurrent;

namespace Byoc.Emulator.Agents;

/// <summary>The reservations the scripted agent keeps (in memory, references RES-1001, RES-1002, ...).</summary>
internal sealed class ReservationBook
{
    private readonly ConcurrentDictionary<string, Reservation> _byReference = new(StringComparer.OrdinalIgnoreCase);
    private int _next = 1000;

    public Reservation Make(string name, int partySize, DateOnly date, TimeOnly time)
    {
        var reservation = new Reservation($"RES-{Interlocked.Increment(ref _next)}", name, partySize, date, time, Cancelled: false);
        _byReference[reservation.Reference] = reservation;
        return reservation;
    }

    public Reservation? Find(string reference) => _byReference.GetValueOrDefault(reference);

    /// <summary>Cancels an active reservation; null when there is none with that reference.</summary>
    public Reservation? Cancel(string reference)
    {
        while (_byReference.TryGetValue(reference, out var current) && !current.Cancelled)
        {
            var cancelled = current with { Cancelled = true };
            if (_byReference.TryUpdate(reference, cancelled, current))
            {
                return cancelled;
            }
        }

        return null;
    }
}
