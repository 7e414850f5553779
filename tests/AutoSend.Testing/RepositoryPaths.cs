namespace AutoSend.Testing;

/// <summary>Paths into the repository, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding AutoSend.Gen.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The AutoSend spec.</summary>
    public static string AutoSendSpec => Path.Combine(Root, "spec", "autosend.openapi.yaml");

    /// <summary>The shared AutoSend facts folder next to the repository (../shared/autosend).</summary>
    public static string SharedAutoSend => Path.GetFullPath(Path.Combine(Root, "..", "shared", "autosend"));

    private static string FindRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "AutoSend.Gen.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("AutoSend.Gen.sln was not found above " + AppContext.BaseDirectory);
    }
}
