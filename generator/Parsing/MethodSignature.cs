using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Decides the order of an operation method's parameters, once; every emitter (the method, its file and all-pages
/// variants, the request builder, the documentation) reads <see cref="OperationSpec.Signature"/>. To change the public
/// call shape, change this file.
/// </summary>
internal static class MethodSignature
{
    /// <summary>
    /// Today's order: path parameters in template order; the required parameters and form fields; the body, right
    /// after the path parameters when it is required, else before the first optional parameter; the optional
    /// parameters and form fields; the cancellation token last.
    /// </summary>
    /// <param name="parameters">The path, query, header and cookie parameters: path, then required, then optional.</param>
    /// <param name="body">The request body, if any.</param>
    public static EquatableArray<SignatureParameter> Build(IReadOnlyList<ParameterSpec> parameters, RequestBodySpec? body)
    {
        var all = new List<ParameterSpec>(parameters);
        if (body is { IsSingleParameter: false })
        {
            int firstOptional = all.FindIndex(p => !p.IsRequired);
            all.InsertRange(firstOptional < 0 ? all.Count : firstOptional, body.Fields.Where(f => f.IsRequired));
            all.AddRange(body.Fields.Where(f => !f.IsRequired));
        }

        var signature = new List<SignatureParameter>();
        bool bodyPlaced = body is not { IsSingleParameter: true };
        foreach (ParameterSpec parameter in all)
        {
            if (!bodyPlaced && (body!.IsRequired ? parameter.Location != ParameterLocation.Path : !parameter.IsRequired))
            {
                signature.Add(SignatureParameter.Body);
                bodyPlaced = true;
            }

            signature.Add(new SignatureParameter(SignatureRole.Parameter, parameter));
        }

        if (!bodyPlaced)
        {
            signature.Add(SignatureParameter.Body);
        }

        signature.Add(SignatureParameter.CancellationToken);
        return signature.ToEquatableArray();
    }
}
