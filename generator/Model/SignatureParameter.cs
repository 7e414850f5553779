namespace AutoSend.Gen.Model;

/// <summary>What a parameter of a generated operation method carries.</summary>
internal enum SignatureRole
{
    /// <summary>A path, query, header or cookie parameter, or a field of a form body.</summary>
    Parameter,

    /// <summary>The whole request body (JSON, binary or text): <see cref="OperationSpec.Body"/>.</summary>
    Body,

    /// <summary>The <c>CancellationToken</c>.</summary>
    CancellationToken,
}

/// <summary>One parameter of a generated operation method; <see cref="OperationSpec.Signature"/> holds them in call order.</summary>
/// <param name="Role">What the parameter carries.</param>
/// <param name="Parameter">The parameter or form field, for <see cref="SignatureRole.Parameter"/>.</param>
internal sealed record SignatureParameter(SignatureRole Role, ParameterSpec? Parameter = null)
{
    /// <summary>The request body's place.</summary>
    public static readonly SignatureParameter Body = new(SignatureRole.Body);

    /// <summary>The cancellation token's place.</summary>
    public static readonly SignatureParameter CancellationToken = new(SignatureRole.CancellationToken);

    /// <summary>The C# name of the token parameter.</summary>
    public const string CancellationTokenName = "cancellationToken";
}
