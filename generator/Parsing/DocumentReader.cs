using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AutoSend.Gen.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Reads the text of a spec into an <see cref="OpenApiDocument"/> with Microsoft.OpenApi, turning every way that can
/// fail (exceptions included) into located diagnostics. Nothing here touches the disk or the network.
/// </summary>
internal static class DocumentReader
{
    // JSON errors carry "#line=N" (0-based) and "BytePositionInLine: C"; YAML errors say "at line L, column C" (1-based).
    private static readonly Regex s_jsonLine = new(@"#line=(\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonColumn = new(@"BytePositionInLine: (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_yamlPosition = new(@"at line (\d+), column (\d+)", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Read(string text, string path, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.AddAtLine(DiagnosticDescriptors.EmptyDocument, 0, -1, path);
            return null;
        }

        string format = text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? "json" : "yaml";
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader(new OpenApiYamlReaderSettings
        {
            // Real specs nest deeper than the default 64 and carry long descriptions; alias expansion stays bounded.
            MaxDepth = YamlConverter.MaximumAllowedDepth,
            MaxScalarLength = 64 * 1024 * 1024,
            MaxAliasExpansionNodeCount = 1_000_000,
        });

        ReadResult? result = null;
        Exception? fault = null;
        try
        {
            result = OpenApiDocument.Parse(text, format, settings);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedVersion, SourceLocator.IsSwagger2(text) ? "#/swagger" : "#/openapi", exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception) when (IsReaderFault(exception))
        {
            // The text was read, but the reader failed on a node it does not expect (a boolean schema, `$ref: ''`,
            // `minLength: 1e308`): find and leave out what it cannot read, then read the rest.
            fault = exception;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AddSyntaxError(diagnostics, exception.Message, pointer: null, text);
            return null;
        }

        if (fault is not null || (result?.Document is { } read && (HoldsNulls(read) || HasOddReferences(text))))
        {
            // The document as the reader hands it over, or one the generator should not be given: read the repaired
            // tree instead; and where the reader's own validation fails on a reference cycle, without that rule.
            System.Text.Json.Nodes.JsonNode? tree = DocumentRepair.Tree(text, format);
            var repairs = new DiagnosticBag();
            bool repaired;
            try
            {
                repaired = tree is not null && DocumentRepair.Repair(tree, repairs);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A tree System.Text.Json cannot read in full (a lone surrogate in a name): the reader's own answer stands.
                repaired = false;
            }
            if (repaired || fault is not null)
            {
                foreach (ValidationRuleSet rules in RuleSets())
                {
                    settings.RuleSet = rules;
                    try
                    {
                        result = repaired
                            ? new OpenApiJsonReader().Read(tree!, new Uri("https://openapi.invalid/document"), settings)
                            : OpenApiDocument.Parse(text, format, settings);
                        fault = null;
                        diagnostics.AddRange(repairs);
                        break;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        fault = exception;
                    }
                }
            }

            if (fault is not null)
            {
                AddFault(diagnostics, fault, text);
                return null;
            }
        }

        OpenApiDiagnostic? diagnostic = result!.Diagnostic;
        if (result.Document is null)
        {
            foreach (OpenApiError error in diagnostic?.Errors ?? [])
            {
                AddSyntaxError(diagnostics, error.Message, error.Pointer, text);
            }

            if (diagnostic is null || diagnostic.Errors.Count == 0)
            {
                diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, 0, -1, "the reader returned no document");
            }

            return null;
        }

        ReaderFindings.Report(diagnostic, diagnostics);
        return result.Document;
    }

    // What the reader throws on a node of the wrong kind, as opposed to text that is no YAML or JSON at all.
    private static bool IsReaderFault(Exception exception) =>
        exception is NullReferenceException or ArgumentException or FormatException or OverflowException or InvalidCastException
            or System.Collections.Generic.KeyNotFoundException or IndexOutOfRangeException
        || (exception is InvalidOperationException && !exception.Message.Contains("depth"));

    // The reader's rules, then the same without the discriminator rule (it follows references without a cycle
    // guard), then none (reference problems are then found by the generator itself, AG0012).
    private static System.Collections.Generic.IEnumerable<ValidationRuleSet> RuleSets()
    {
        yield return ValidationRuleSet.GetDefaultRuleSet();
        var rules = ValidationRuleSet.GetDefaultRuleSet();
        rules.Remove(nameof(OpenApiSchemaRules.ValidateSchemaDiscriminator));
        yield return rules;
        yield return ValidationRuleSet.GetEmptyRuleSet();
    }

    // A \uD800-\uDFFF escape (half of a surrogate pair) in a quoted YAML scalar: the YAML reader fails on it.
    private static readonly Regex s_surrogateEscape = new(@"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", RegexOptions.CultureInvariant);

    // Where a reader failure that survived the repair is put, said in plain words where the cause is known.
    private static void AddFault(DiagnosticBag diagnostics, Exception fault, string text)
    {
        Match surrogate = s_surrogateEscape.Match(text);
        if (fault is ArgumentOutOfRangeException && surrogate.Success)
        {
            int line = 0, column = 0;
            for (int i = 0; i < surrogate.Index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 0;
                }
                else
                {
                    column++;
                }
            }

            diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, line, column,
                "the YAML reader cannot read the escape " + surrogate.Value + " (half of a surrogate pair); write the character itself, or \\U followed by its 8 hex digits");
            return;
        }

        diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, 0, -1,
            "the OpenAPI reader failed on a construct it cannot read (" + fault.GetType().Name + ": " + fault.Message + ")");
    }

    // $ref values the reader cannot resolve without throwing later, when the generator reads through them: empty,
    // ending in '/', or holding characters no URI holds. A cheap look at the text decides whether to repair.
    private static readonly Regex s_reference = new(@"[""']?\$ref[""']?\s*:\s*(?<value>[^\r\n,}]*)", RegexOptions.CultureInvariant);

    private static bool HasOddReferences(string text)
    {
        if (text.IndexOf("$ref", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        foreach (Match match in s_reference.Matches(text))
        {
            string value = match.Groups["value"].Value.Trim().Trim('"', '\'');
            if (!DocumentRepair.IsUsableReference(value))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the reader handed back null where an object belongs (it does for a schema, media type or security
    // scheme of the wrong kind): the generator then reads the repaired tree instead.
    private static bool HoldsNulls(OpenApiDocument document)
    {
        OpenApiComponents? components = document.Components;
        if (components is not null && (HasNull(components.Schemas) || HasNull(components.SecuritySchemes) || HasNull(components.Responses)
            || HasNull(components.Parameters) || HasNull(components.RequestBodies) || HasNull(components.Headers) || HasNull(components.PathItems)
            || (components.Responses?.Values.Any(r => r is OpenApiResponse && (HasNull(r.Content) || HasNull(r.Headers) || MediaHoldsNulls(r.Content))) ?? false)
            || (components.RequestBodies?.Values.Any(r => r is OpenApiRequestBody && HasNull(r.Content)) ?? false)))
        {
            return true;
        }

        var schemas = new System.Collections.Generic.List<IOpenApiSchema?>();
        schemas.AddRange(components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>());
        foreach (IOpenApiPathItem? item in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).Concat(document.Webhooks?.Values ?? Enumerable.Empty<IOpenApiPathItem>()))
        {
            if (item is OpenApiPathItemReference)
            {
                continue;
            }

            if (item is null || HasNull(item.Operations) || (item.Parameters?.Any(p => p is null) ?? false))
            {
                return true;
            }

            foreach (OpenApiOperation? operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation is null || HasNull(operation.Responses) || (operation.Parameters?.Any(p => p is null) ?? false)
                    || (operation.RequestBody is OpenApiRequestBody body && HasNull(body.Content))
                    || (operation.Responses?.Values.Any(r => r is OpenApiResponse && (HasNull(r.Content) || HasNull(r.Headers) || MediaHoldsNulls(r.Content))) ?? false)
                    || (operation.RequestBody is OpenApiRequestBody { Content: { } requestContent } && MediaHoldsNulls(requestContent)))
                {
                    return true;
                }

                foreach (IOpenApiResponse response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                {
                    if (response is OpenApiResponse { Content: { } content })
                    {
                        schemas.AddRange(content.Values.Select(m => m?.Schema));
                    }
                }

                if (operation.RequestBody is OpenApiRequestBody { Content: { } bodyContent })
                {
                    schemas.AddRange(bodyContent.Values.Select(m => m?.Schema));
                }
            }
        }

        return SchemasHoldNulls(schemas);
    }

    // Whether a schema (inline, never through a reference) holds null where a subschema belongs: the reader's
    // reading of a boolean or non-object subschema in a 3.0 document. Each schema is looked at once.
    private static bool SchemasHoldNulls(System.Collections.Generic.List<IOpenApiSchema?> roots)
    {
        var visited = new System.Collections.Generic.HashSet<IOpenApiSchema>(SchemaShapes.Identity);
        var pending = new System.Collections.Generic.Stack<IOpenApiSchema>(roots.OfType<OpenApiSchema>());
        while (pending.Count > 0)
        {
            IOpenApiSchema schema = pending.Pop();
            if (!visited.Add(schema))
            {
                continue;
            }

            foreach (IOpenApiSchema? child in (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
                .Concat(schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>()).Concat(schema.OneOf ?? Enumerable.Empty<IOpenApiSchema>())
                .Concat(schema.AnyOf ?? Enumerable.Empty<IOpenApiSchema>()))
            {
                if (child is null)
                {
                    return true;
                }

                if (child is OpenApiSchema inline)
                {
                    pending.Push(inline);
                }
            }

            foreach (IOpenApiSchema? child in new[] { schema.Items, schema.AdditionalProperties, schema.Not })
            {
                if (child is OpenApiSchema inline)
                {
                    pending.Push(inline);
                }
            }
        }

        return false;
    }

    // An encoding or a header of a media type that the reader handed back as null.
    private static bool MediaHoldsNulls(System.Collections.Generic.IDictionary<string, IOpenApiMediaType>? content) =>
        content?.Values.Any(m => m is OpenApiMediaType media && (HasNull(media.Encoding) || (media.Encoding?.Values.Any(e => e is not null && HasNull(e.Headers)) ?? false))) ?? false;

    private static bool HasNull<TKey, TValue>(System.Collections.Generic.IDictionary<TKey, TValue>? map) where TValue : class =>
        map is not null && map.Values.Any(v => v is null);

    private static void AddSyntaxError(DiagnosticBag diagnostics, string message, string? pointer, string text)
    {
        Match yaml = s_yamlPosition.Match(message);
        if (yaml.Success)
        {
            diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, Number(yaml.Groups[1]) - 1, Number(yaml.Groups[2]) - 1, message);
            return;
        }

        Match jsonLine = s_jsonLine.Match(pointer ?? string.Empty);
        if (!jsonLine.Success)
        {
            jsonLine = s_jsonLine.Match(message);
        }

        if (jsonLine.Success)
        {
            Match column = s_jsonColumn.Match(message);
            diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, Number(jsonLine.Groups[1]), column.Success ? Number(column.Groups[1]) : -1, message);
            return;
        }

        if (pointer is { Length: > 0 } && pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            diagnostics.AddAtPointer(DiagnosticDescriptors.UnreadableDocument, pointer, message);
            return;
        }

        if (message.Contains("nesting depth"))
        {
            // The YAML reader's depth limit names no position: point at the deepest node instead.
            (int line, int column) = SourceLocator.Deepest(text);
            diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, line, column, message);
            return;
        }

        diagnostics.AddAtLine(DiagnosticDescriptors.UnreadableDocument, 0, -1, message);
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);
}
