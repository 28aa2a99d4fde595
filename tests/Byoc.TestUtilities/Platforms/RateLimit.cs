namespace Byoc.TestUtilities.Platforms;

/// <summary>A token-bucket limit: <paramref name="PerSecond"/> permits refill every second, up to <paramref name="Burst"/> at once.</summary>
/// <param name="PerSecond">The sustained rate.</param>
/// <param name="Burst">How many calls may come back to back before the rate applies.</param>
public sealed record RateLimit(double PerSecond, int Burst)
{
    /// <summary>Throws when the limit cannot work (a non-positive rate or burst).</summary>
    internal void Validate(string name)
    {
        if (PerSecond <= 0 || Burst < 1)
        {
            throw new ArgumentOutOfRangeException(name, this, $"{name} needs PerSecond > 0 and Burst >= 1.");
        }
    }
}
