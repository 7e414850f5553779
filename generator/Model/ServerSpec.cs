using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>A variable of the document's server URLs, also a property of the client's options.</summary>
/// <param name="Name">The variable as the URL templates write it, e.g. <c>region</c> for <c>{region}</c>.</param>
/// <param name="PropertyName">The options property, e.g. <c>Region</c>.</param>
/// <param name="Default">The document's default value.</param>
/// <param name="Values">The values the document allows (its <c>enum</c>); empty when it allows any.</param>
/// <param name="Description">The document's description of the variable.</param>
internal sealed record ServerVariableSpec(string Name, string PropertyName, string Default, EquatableArray<string> Values, string? Description);
