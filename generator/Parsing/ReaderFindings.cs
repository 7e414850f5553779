using System;
using AutoSend.Gen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Turns what the OpenAPI reader reports about a document it could read into diagnostics, one ID per condition. The
/// reader's validation findings name their rule (<see cref="OpenApiValidatorError.RuleName"/>), and that classifies
/// them; only the reference rule reports two conditions under one name, and <see cref="ReferenceProblem"/> is the one
/// place that reads the reader's message text.
/// </summary>
internal static class ReaderFindings
{
    // The rule under which Microsoft.OpenApi reports both a $ref to nothing and a $ref loop.
    private const string ReferencesRule = "OpenApiDocumentReferencesAreValid";

    public static void Report(OpenApiDiagnostic? diagnostic, DiagnosticBag diagnostics)
    {
        foreach (OpenApiError error in diagnostic?.Errors ?? [])
        {
            Add(error, diagnostics);
        }

        foreach (OpenApiError warning in diagnostic?.Warnings ?? [])
        {
            Add(warning, diagnostics);
        }
    }

    private static void Add(OpenApiError finding, DiagnosticBag diagnostics)
    {
        string pointer = finding.Pointer is { Length: > 0 } p ? p : "#";
        string? rule = finding switch
        {
            OpenApiValidatorError error => error.RuleName,
            OpenApiValidatorWarning warning => warning.RuleName,
            _ => null,
        };

        if (rule == ReferencesRule && ReferenceProblem(finding.Message) is { } problem)
        {
            diagnostics.AddAtPointer(problem.Descriptor, pointer, problem.Reference);
        }
        else if (rule is { Length: > 0 })
        {
            diagnostics.AddAtPointer(DiagnosticDescriptors.RuleViolation, pointer, rule, finding.Message);
        }
        else
        {
            // Reading errors (a list where a map belongs, an unknown field) carry no rule: the generic remainder.
            diagnostics.AddAtPointer(DiagnosticDescriptors.ReaderProblem, pointer, finding.Message);
        }
    }

    /// <summary>
    /// Which problem a finding of the reader's reference rule describes, and the reference it names. The reader gives
    /// nothing but the message for this, so this matches the wording of Microsoft.OpenApi 3.x:
    /// <c>The schema reference 'R' does not point to an existing schema.</c> (AG0004) and
    /// <c>Circular reference detected while resolving reference: R</c> (AG0012). A wording it does not know gives
    /// null, and the finding is reported as AG0015 under the rule's name: a reworded reader loses the specific ID,
    /// never the warning.
    /// </summary>
    internal static (DiagnosticDescriptor Descriptor, string Reference)? ReferenceProblem(string message)
    {
        if (message.StartsWith("Circular reference detected", StringComparison.Ordinal))
        {
            int colon = message.LastIndexOf(": ", StringComparison.Ordinal);
            return colon >= 0 ? (DiagnosticDescriptors.ReferenceCycle, message.Substring(colon + 2)) : null;
        }

        if (message.Contains("does not point to an existing"))
        {
            int open = message.IndexOf('\'');
            int close = open >= 0 ? message.IndexOf('\'', open + 1) : -1;
            return close > open ? (DiagnosticDescriptors.UnresolvedReference, message.Substring(open + 1, close - open - 1)) : null;
        }

        return null;
    }
}
