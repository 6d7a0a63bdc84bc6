using System.Runtime.InteropServices;

namespace SmartOffice.Exchange.Archive;

/// <summary>
/// Makes a directory's entries durable with fsync(2) on the directory itself. A file flushed and then moved into place
/// survives a crash only once its directory is flushed too: POSIX promises no more, and ext4 without a journal (this
/// project's VM) writes directory blocks whenever it likes. .NET refuses to open a directory as a file handle, hence
/// the P/Invoke. Linux only; elsewhere it does nothing (Windows has no directory flush).
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (same value on x86-64 and arm64)

    public static bool IsSupported => OperatingSystem.IsLinux();

    public static void Flush(string directory)
    {
        if (!IsSupported)
        {
            return;
        }

        var descriptor = Open(directory, ReadOnlyCloseOnExec);
        if (descriptor < 0)
        {
            throw new IOException($"opening {directory} to flush it failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (FileSync(descriptor) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
