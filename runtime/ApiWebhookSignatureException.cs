using System;

namespace AutoSend.Runtime;

/// <summary>
/// A webhook delivery failed verification: its signature is missing or does not match the body, or its timestamp is
/// missing or outside the allowed window. The delivery must be refused (for example with 401); its payload is never
/// returned. The message says which check failed, never the secret or the expected signature.
/// </summary>
public sealed class ApiWebhookSignatureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which check failed.</param>
    public ApiWebhookSignatureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">Which check failed.</param>
    /// <param name="innerException">The cause.</param>
    public ApiWebhookSignatureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ApiWebhookSignatureException()
        : base("The webhook delivery failed signature verification.")
    {
    }
}
