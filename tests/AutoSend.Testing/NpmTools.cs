using System.Security.Cryptography;
using System.Text;

namespace AutoSend.Testing;

/// <summary>
/// The npm tools pinned by the repository's package-lock.json (Redocly CLI, Prism). Test assemblies run in parallel
/// and several of them need node_modules, so the install is serialized across processes by a lock file.
/// </summary>
public static class NpmTools
{
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim s_inProcess = new(1, 1);

    /// <summary>The Redocly CLI entry point.</summary>
    public static string RedoclyCli => Path.Combine(RepositoryPaths.Root, "node_modules", "@redocly", "cli", "bin", "cli.js");

    /// <summary>The Stoplight Prism CLI entry point.</summary>
    public static string PrismCli => Path.Combine(RepositoryPaths.Root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    /// <summary>Runs <c>npm ci</c> in the repository root unless <paramref name="entryPoint"/> already exists.</summary>
    /// <param name="entryPoint">A file npm ci installs, e.g. <see cref="PrismCli"/>.</param>
    /// <returns>The entry point.</returns>
    public static async Task<string> EnsureInstalledAsync(string entryPoint)
    {
        if (File.Exists(entryPoint))
        {
            return entryPoint;
        }

        await s_inProcess.WaitAsync();
        try
        {
            await using FileStream lockFile = await AcquireLockAsync();
            if (!File.Exists(entryPoint))
            {
                // The lock file pins the versions; .ci/run installs them too, this covers a plain `dotnet test`.
                (await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], RepositoryPaths.Root, s_installTimeout)).EnsureSuccess("npm ci");
            }
        }
        finally
        {
            s_inProcess.Release();
        }

        return File.Exists(entryPoint) ? entryPoint : throw new InvalidOperationException("npm ci did not install " + entryPoint);
    }

    // One lock per repository checkout, outside it (npm ci deletes node_modules/). The file stays: deleting it on close
    // would let a waiter lock the unlinked file while a newcomer locks a new one.
    private static async Task<FileStream> AcquireLockAsync()
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryPaths.Root)))[..16];
        string path = Path.Combine(Path.GetTempPath(), $"autosend-npm-ci-{key}.lock");
        DateTime deadline = DateTime.UtcNow + s_installTimeout + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
