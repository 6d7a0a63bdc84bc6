namespace SmartOffice.Signing;

/// <summary>
/// Reads a stream into memory but never more than the limit plus one byte, so a huge upload costs nothing.
/// </summary>
public static class BoundedRead
{
    /// <summary>
    /// Reads the whole stream when it holds at most <paramref name="limit"/> bytes; otherwise stops one byte past the
    /// limit.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length, bool IsTooLarge)> ReadAsync(
        Stream stream,
        long limit,
        CancellationToken cancellationToken
    )
    {
        var capacity = (int)
            Math.Min(limit + 1, stream.CanSeek ? Math.Max(stream.Length - stream.Position + 1, 1) : 64 * 1024);
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

    /// <summary>
    /// Like <see cref="ReadAsync"/> but into arrays rented from the shared pool (a 50 KB letter would otherwise cost a
    /// large-object-heap allocation per request); the caller returns <c>Buffer</c> to <see
    /// cref="System.Buffers.ArrayPool{T}.Shared"/>.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length, bool IsTooLarge)> ReadPooledAsync(
        Stream stream,
        long limit,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(stream);
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Min(limit + 1, 128 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return (buffer, length, true);
                    }

                    var larger = pool.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var read = await stream
                    .ReadAsync(
                        buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, limit + 1 - length)),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length, length > limit);
                }

                length += read;
                if (length > limit)
                {
                    return (buffer, length, true);
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }
}
