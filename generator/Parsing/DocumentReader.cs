using System;
using System.Globalization;
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

        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(text, format, settings);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedVersion, SourceLocator.IsSwagger2(text) ? "#/swagger" : "#/openapi", exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AddSyntaxError(diagnostics, exception.Message, pointer: null, text);
            return null;
        }

        OpenApiDiagnostic? diagnostic = result.Diagnostic;
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
