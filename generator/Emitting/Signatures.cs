using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes an operation's parameter list and argument list from <see cref="OperationSpec.Signature"/>, which holds the
/// order; nothing here decides it (Parsing/MethodSignature.cs does).
/// </summary>
internal static class Signatures
{
    /// <summary>The parameters and form fields, in call order.</summary>
    public static IEnumerable<ParameterSpec> Parameters(OperationSpec operation) =>
        operation.Signature.Where(p => p.Role == SignatureRole.Parameter).Select(p => p.Parameter!);

    /// <summary>Every parameter name in call order.</summary>
    public static IEnumerable<string> Names(OperationSpec operation, bool includeToken) =>
        operation.Signature.Where(p => includeToken || p.Role != SignatureRole.CancellationToken).Select(p => Name(operation, p));

    /// <summary>The parameter list: optional parameters are nullable and default to null.</summary>
    /// <param name="context">The emit context.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="includeToken">Whether the cancellation token is declared (the request builder takes none).</param>
    /// <param name="skip">A parameter left out (the page number an all-pages method sets itself).</param>
    /// <param name="tokenAttribute">An attribute for the token, e.g. <c>[EnumeratorCancellation]</c>.</param>
    public static string Declarations(EmitContext context, OperationSpec operation, bool includeToken, string? skip = null, string? tokenAttribute = null)
    {
        var declarations = new List<string>();
        foreach (SignatureParameter entry in operation.Signature)
        {
            switch (entry.Role)
            {
                case SignatureRole.Parameter when entry.Parameter!.Name != skip:
                    declarations.Add(Declaration(context, entry.Parameter.Type, entry.Parameter.Name, entry.Parameter.IsRequired));
                    break;
                case SignatureRole.Body:
                    declarations.Add(Declaration(context, operation.Body!.Type!, operation.Body.Name, operation.Body.IsRequired));
                    break;
                case SignatureRole.CancellationToken when includeToken:
                    declarations.Add(tokenAttribute + KnownTypes.Bcl.CancellationToken + " " + SignatureParameter.CancellationTokenName + " = default");
                    break;
            }
        }

        return string.Join(", ", declarations);
    }

    /// <summary>The argument list that passes every parameter on, optionally with one replaced by another expression.</summary>
    public static string Arguments(OperationSpec operation, bool includeToken, (string Name, string Value)? replace = null) =>
        string.Join(", ", Names(operation, includeToken).Select(name => replace is { } r && r.Name == name ? r.Value : name));

    private static string Declaration(EmitContext context, TypeRef type, string name, bool required) =>
        required ? context.TypeName(type) + " " + name : context.TypeName(type, nullable: true) + " " + name + " = null";

    private static string Name(OperationSpec operation, SignatureParameter entry) => entry.Role switch
    {
        SignatureRole.Parameter => entry.Parameter!.Name,
        SignatureRole.Body => operation.Body!.Name,
        _ => SignatureParameter.CancellationTokenName,
    };
}
