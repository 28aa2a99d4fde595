using System.Buffers.Binary;

namespace Byoc.Emulator.Events;

/// <summary>Replay ids on the wire: opaque bytes, here 8-byte big-endian integers as Salesforce's samples read them (§6.7).</summary>
internal static class ReplayIds
{
    public static byte[] ToBytes(long replayId)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, replayId);
        return bytes;
    }

    public static bool TryRead(ReadOnlySpan<byte> bytes, out long replayId)
    {
        replayId = 0;
        if (bytes.Length != 8)
        {
            return false;
        }

        replayId = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return replayId >= 0;
    }
}
