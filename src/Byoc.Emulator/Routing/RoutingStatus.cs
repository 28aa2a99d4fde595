namespace Byoc.Emulator.Routing;

/// <summary>The outcome of an Omni-Channel transition; anything but <see cref="Done"/> left the records unchanged.</summary>
internal enum RoutingStatus
{
    Done,
    NotFound,
    NotOwner,
    AlreadyTaken,
    NotAvailable,
    AtCapacity,
    NoEscalationPath,
    AlreadyEnded,
}
