using System.Buffers.Binary;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>Reads the pixel size of a PNG, GIF or JPEG from its header, as Telegram needs one to make a photo.</summary>
internal static class ImageSize
{
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        }

        if (bytes.Length >= 10 && bytes[..3].SequenceEqual("GIF"u8))
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
        }

        return bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? ReadJpeg(bytes) : null;
    }

    private static (int Width, int Height)? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        var offset = 2;
        while (offset + 9 < bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                return null;
            }

            var marker = bytes[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isStartOfFrame)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]));
            }

            offset += 2 + length;
        }

        return null;
    }
}
