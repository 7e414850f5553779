using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>
/// The raw response type of a document that declares headers on its success responses, e.g. <c>AutoSendResponse</c>:
/// <c>ApiResponse</c>/<c>ApiResponse&lt;T&gt;</c> with each declared header as a typed property.
/// </summary>
/// <param name="Name">The type name; a generic and a non-generic class share it.</param>
/// <param name="Headers">The declared headers with a scalar schema, in document order, one per name ignoring case.</param>
internal sealed record ResponseTypeSpec(string Name, EquatableArray<ResponseHeaderSpec> Headers);

/// <summary>A response header the document declares, read as a typed property of the raw response.</summary>
/// <param name="PropertyName">The property, e.g. <c>RateLimitRemaining</c> for <c>X-RateLimit-Remaining</c>.</param>
/// <param name="WireName">The header name as the document first spells it.</param>
/// <param name="Type">A string, an integer (<c>int</c>, <c>long</c>), a number (<c>float</c>, <c>double</c>, <c>decimal</c>) or a boolean.</param>
/// <param name="Description">The first declaration's description.</param>
internal sealed record ResponseHeaderSpec(string PropertyName, string WireName, TypeRef Type, string? Description);
