namespace AutoSend.Gen.Model;

/// <summary>What a parameter of a generated operation method carries.</summary>
internal enum SignatureRole
{
    /// <summary>A path, query, header or cookie parameter, or a field of a form body.</summary>
    Parameter,

    /// <summary>The whole request body (JSON, binary or text): <see cref="OperationSpec.Body"/>.</summary>
    Body,

    /// <summary>The per-call <c>ApiRequestOptions</c> (the long overload only).</summary>
    RequestOptions,

    /// <summary>The <c>CancellationToken</c>.</summary>
    CancellationToken,
}

/// <summary>One parameter of a generated operation method; <see cref="OperationSpec.Signature"/> holds them in call order.</summary>
/// <param name="Role">What the parameter carries.</param>
/// <param name="Parameter">The parameter or form field, for <see cref="SignatureRole.Parameter"/>.</param>
internal sealed record SignatureParameter(SignatureRole Role, ParameterSpec? Parameter = null)
{
    /// <summary>Whether the caller must pass it: a required parameter or body (the short overload's parameters, with the token).</summary>
    /// <param name="body">The operation's body.</param>
    public bool IsRequired(RequestBodySpec? body) => Role switch
    {
        SignatureRole.Parameter => Parameter!.IsRequired,
        SignatureRole.Body => body!.IsRequired,
        _ => false,
    };

    /// <summary>The request body's place.</summary>
    public static readonly SignatureParameter Body = new(SignatureRole.Body);

    /// <summary>The request options' place: after every optional parameter, before the token.</summary>
    public static readonly SignatureParameter RequestOptions = new(SignatureRole.RequestOptions);

    /// <summary>The C# name of the request options parameter.</summary>
    public const string RequestOptionsName = "requestOptions";

    /// <summary>The cancellation token's place.</summary>
    public static readonly SignatureParameter CancellationToken = new(SignatureRole.CancellationToken);

    /// <summary>The C# name of the token parameter.</summary>
    public const string CancellationTokenName = "cancellationToken";
}
