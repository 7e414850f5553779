using System.Text.Json.Nodes;

namespace AutoSend.Benchmarks.Generator;

/// <summary>The documents the generator benchmarks read. The npm ones come from `npm ci` (package-lock.json).</summary>
public static class Specs
{
    public const string AutoSend = "AutoSend";
    public const string ReadMe = "ReadMe";
    public const string GitHub = "GitHub";

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The documents of the cold and incremental benchmarks; only ours in <c>--quick</c> mode.</summary>
    public static IEnumerable<string> Benchmarked => BenchmarkEntryPoint.IsQuick ? [AutoSend] : [AutoSend, ReadMe, GitHub];

    /// <summary>The GitHub subsets of the scaling benchmark; only the smallest in <c>--quick</c> mode.</summary>
    public static IEnumerable<int> GitHubPercents => BenchmarkEntryPoint.IsQuick ? [10] : [10, 25, 50, 100];

    public static string PathOf(string name) => name switch
    {
        AutoSend => Path.Combine(RepositoryRoot, "spec", "autosend.openapi.yaml"),
        // ReadMe's own API (OpenAPI 3.1, 0.56 MB): the largest real document the pinned npm packages hold below GitHub's.
        ReadMe => Path.Combine(RepositoryRoot, "node_modules", "@readme", "oas-examples", "3.1", "json", "readme.json"),
        GitHub => Path.Combine(RepositoryRoot, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json"),
        _ => throw new ArgumentException("Unknown spec " + name, nameof(name)),
    };

    /// <summary>The document's text: a named spec, or "GitHub NN%" for a subset of GitHub's paths.</summary>
    public static (string Path, string Text) Load(string name)
    {
        if (name.StartsWith(GitHub + " ", StringComparison.Ordinal) && name.EndsWith('%'))
        {
            int percent = int.Parse(name[(GitHub.Length + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            return ($"api.github.com.{percent}.json", GitHubSubset.Create(File.ReadAllText(Require(PathOf(GitHub))), percent).Text);
        }

        string path = Require(PathOf(name));
        return (path, File.ReadAllText(path));
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run `npm ci` at the repository root first.", path);

    private static string FindRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("AUTOSEND_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AutoSend.Gen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (AutoSend.Gen.sln); set AUTOSEND_REPO_ROOT.");
    }
}

/// <summary>
/// A subset of GitHub's REST description: every k-th path so that all API areas are sampled, with the components
/// (schemas, parameters, responses, headers, examples) those paths reach through <c>$ref</c>, transitively; the
/// others are dropped, so that the document shrinks with its operations. 100% keeps every path and drops only
/// unreachable components.
/// </summary>
public static class GitHubSubset
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public sealed record Result(string Text, int Paths, int Operations, int Schemas, int Components);

    public static Result Create(string text, int percent)
    {
        JsonObject document = JsonNode.Parse(text)!.AsObject();
        JsonObject paths = document["paths"]!.AsObject();
        var kept = new JsonObject();
        int index = 0, total = paths.Count;
        foreach ((string key, JsonNode? value) in paths.ToList())
        {
            // Path i is kept when floor((i + 1) p / 100) > floor(i p / 100): evenly spread, exactly p% rounded down.
            if ((index + 1) * percent / 100 > index * percent / 100)
            {
                paths.Remove(key);
                kept[key] = value;
            }

            index++;
        }

        document["paths"] = kept;
        document.Remove("x-webhooks");
        document.Remove("webhooks");

        // Walk $refs from the kept paths; components reached are walked in turn.
        JsonObject components = document["components"]!.AsObject();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>();
        pending.Push(kept);
        while (pending.Count > 0)
        {
            foreach (string reference in References(pending.Pop()))
            {
                const string prefix = "#/components/";
                if (!reference.StartsWith(prefix, StringComparison.Ordinal) || !reached.Add(reference))
                {
                    continue;
                }

                string[] parts = reference[prefix.Length..].Split('/');
                if (parts.Length == 2 && components[parts[0]]?[parts[1]] is JsonNode target)
                {
                    pending.Push(target);
                }
            }
        }

        foreach ((string section, JsonNode? entries) in components.ToList())
        {
            if (section == "securitySchemes" || entries is not JsonObject map)
            {
                continue;
            }

            foreach (string name in map.Select(e => e.Key).ToList().Where(name => !reached.Contains($"#/components/{section}/{name}")))
            {
                map.Remove(name);
            }
        }

        int operations = kept.Sum(p => p.Value is JsonObject item ? item.Count(m => s_methods.Contains(m.Key)) : 0);
        int schemas = (components["schemas"] as JsonObject)?.Count ?? 0;
        int componentCount = components.Sum(c => (c.Value as JsonObject)?.Count ?? 0);
        return new Result(document.ToJsonString(), kept.Count, operations, schemas, componentCount);
    }

    private static IEnumerable<string> References(JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach ((string key, JsonNode? value) in obj)
                    {
                        if (key == "$ref" && value is JsonValue reference && reference.TryGetValue(out string? target))
                        {
                            yield return target;
                        }
                        else if (value is not null)
                        {
                            stack.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push(item);
                        }
                    }

                    break;
            }
        }
    }
}
