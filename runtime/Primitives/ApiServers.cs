using System;
using System.Collections.Generic;
using System.Text;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// The server URLs of a document as the client's options fill them in: each <c>{name}</c> of a server template is
/// replaced by the value of that server variable. Generated clients make one per connection, from the options' values
/// at the time the client is built.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiServers
{
    private readonly Dictionary<string, string> _variables;

    /// <summary>Takes a copy of the variables' values.</summary>
    /// <param name="variables">The value of each server variable, by its name in the document.</param>
    public ApiServers(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = new Dictionary<string, string>(variables.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> variable in variables)
        {
            _variables[variable.Key] = variable.Value ?? throw new ArgumentException($"The server variable '{variable.Key}' has no value.", nameof(variables));
        }
    }

    /// <summary>The template with every <c>{name}</c> replaced by its variable's value.</summary>
    /// <param name="template">A server URL as the document writes it, e.g. <c>https://{region}.api.example.com/v1</c>.</param>
    /// <returns>The URL; absolute or relative as the template is.</returns>
    /// <exception cref="InvalidOperationException">The template names a variable that has no value.</exception>
    public string Resolve(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.IndexOf('{') < 0 ? template : Substitute(template);
    }

    /// <summary>The resolved template as an absolute URI, for the client's default base address.</summary>
    /// <param name="template">The document's first server.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="InvalidOperationException">The values make no absolute URI.</exception>
    public Uri ResolveAbsolute(string template)
    {
        string url = Resolve(template);
        return Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)
            ? uri
            : throw new InvalidOperationException($"The server variables make '{url}' out of the server '{template}', which is not an absolute URI: check the variables in the client options.");
    }

    /// <summary>Checks a value given to a server variable's options property.</summary>
    /// <param name="property">The property, for the exception.</param>
    /// <param name="value">The value.</param>
    /// <param name="allowed">The values the document allows, or empty when it allows any.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The document lists the values it allows and this is not one of them.</exception>
    public static string Check(string property, string value, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(value, property);
        ArgumentNullException.ThrowIfNull(allowed);
        return allowed.Length == 0 || Array.IndexOf(allowed, value) >= 0
            ? value
            : throw new ArgumentOutOfRangeException(property, value, $"{property} must be one of {string.Join(", ", allowed)}.");
    }

    /// <summary>Checks a server variable's value read from configuration by <see cref="ApiClientOptions.Bind"/>.</summary>
    /// <param name="key">The setting's key.</param>
    /// <param name="value">The value read.</param>
    /// <param name="allowed">The values the document allows, or empty when it allows any.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="FormatException">The value is not one the document allows; the message names the key and the allowed values.</exception>
    public static string CheckSetting(string key, string value, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(allowed);
        return allowed.Length == 0 || Array.IndexOf(allowed, value) >= 0
            ? value
            : throw new FormatException($"The setting '{key}' is not valid: expected one of {string.Join(", ", allowed)}.");
    }

    private string Substitute(string template)
    {
        var url = new StringBuilder(template.Length + 16);
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            int close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                url.Append(template, at, template.Length - at);
                break;
            }

            string name = template.Substring(open + 1, close - open - 1);
            url.Append(template, at, open - at);
            url.Append(_variables.TryGetValue(name, out string? value)
                ? value
                : throw new InvalidOperationException($"The server '{template}' names the variable '{name}', which has no value."));
            at = close + 1;
        }

        return url.ToString();
    }
}
