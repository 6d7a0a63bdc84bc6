using System.Runtime.InteropServices;

namespace SmartOffice.Exchange.Archive;

/// <summary>
/// Moves a file into place unless the target exists, in one step. .NET's File.Move(overwrite: false) does link(2) and
/// unlink(2) on Linux, two directory changes per archived file; renameat2(RENAME_NOREPLACE) is one, and .NET has no API
/// for it, hence the P/Invoke. Elsewhere, or where the file system lacks the flag, it is File.Move.
/// </summary>
internal static partial class NoReplaceRename
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameNoReplace = 1;
    private const int AlreadyExists = 17; // EEXIST
    private const int NotSupported = 22; // EINVAL: the file system does not know the flag
    private const int NoSuchCall = 38; // ENOSYS
    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>Moves source to target; false (source left in place) when target already exists.</summary>
    public static bool TryMove(string source, string target)
    {
        if (!s_unavailable)
        {
            if (RenameAt2(AtCurrentDirectory, source, AtCurrentDirectory, target, RenameNoReplace) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == AlreadyExists)
            {
                return false;
            }

            if (error is not (NotSupported or NoSuchCall))
            {
                throw new IOException($"renameat2 {source} → {target} failed: errno {error}");
            }

            s_unavailable = true;
        }

        try
        {
            File.Move(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(
        int oldDirectory,
        string oldPath,
        int newDirectory,
        string newPath,
        uint flags
    );
}
