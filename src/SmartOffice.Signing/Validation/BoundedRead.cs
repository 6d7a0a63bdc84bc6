namespace SmartOffice.Signing;

/// <summary>Reads a stream into memory but never more than the limit plus one byte, so a huge upload costs nothing.</summary>
public static class BoundedRead
{
    /// <summary>Reads the whole stream when it holds at most <paramref name="limit"/> bytes; otherwise stops one byte past the limit.</summary>
    public static async Task<(byte[] Buffer, int Length, bool IsTooLarge)> ReadAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        var capacity = (int)Math.Min(limit + 1, stream.CanSeek ? Math.Max(stream.Length - stream.Position + 1, 1) : 64 * 1024);
        var buffer = new byte[Math.Max(capacity, 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return (buffer, length, true);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer, length, length > limit);
            }

            length += read;
        }
    }
}
