namespace SmartOffice.Bench.Floor;

/// <summary>
/// The floor's disk: each file written under its final name and fsync'd before the caller goes on. Nothing else (no
/// temporary name, no folder fsync): the least a durable write costs.
/// </summary>
internal sealed class FloorFiles(string root, FloorCounters counters)
{
    public string Documents { get; } = Directory.CreateDirectory(Path.Combine(root, "documents")).FullName;

    public string Records { get; } = Directory.CreateDirectory(Path.Combine(root, "records")).FullName;

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content)
    {
        await using var file = new FileStream(
            path,
            FileMode.Create,
            FileAccess.Write,
            FileShare.None,
            bufferSize: 0,
            useAsync: false
        );
        await file.WriteAsync(content);
        file.Flush(flushToDisk: true);
        counters.Fsync();
    }
}
