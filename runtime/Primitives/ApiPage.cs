using System;

namespace AutoSend.Runtime.Primitives;

/// <summary>One page of a paginated list, as the generated page walkers read it.</summary>
/// <typeparam name="TResult">The body type.</typeparam>
/// <param name="Value">The page's body.</param>
/// <param name="NextLink">The response's <c>Link</c> header target with <c>rel="next"</c>, absolute; null when there is none.</param>
/// <param name="RequestUri">The address the page came from, which a relative next link in the body is resolved against.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record ApiPage<TResult>(TResult Value, Uri? NextLink, Uri RequestUri);
