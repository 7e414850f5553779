using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoSend.Sandbox;

/// <summary>A failure the sandbox answers with AutoSend's documented error body.</summary>
public sealed class ApiProblem(int status, string code, string message, JsonArray? details = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public JsonArray? Details { get; } = details;

    /// <summary>For 429: the seconds to wait, sent as <c>error.retryAfter</c>.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static ApiProblem Validation(string field, string message) =>
        new(400, "VALIDATION_FAILED", "Validation failed", new JsonArray(new JsonObject { ["field"] = field, ["message"] = message }));

    public static ApiProblem NotFound(string code, string what) => new(404, code, what + " not found");
}

/// <summary>Writes the documented envelopes: <c>{success, data, message?}</c> and <c>{success:false, error:{message, code, status}}</c>.</summary>
internal static class ApiResults
{
    public static Task Ok(HttpContext context, JsonNode? data, string? message = null, int status = 200)
    {
        var body = new JsonObject { ["success"] = true };
        if (data is not null)
        {
            body["data"] = data;
        }

        if (message is not null)
        {
            body["message"] = message;
        }

        return Write(context, status, body);
    }

    public static Task Error(HttpContext context, ApiProblem problem)
    {
        var error = new JsonObject { ["message"] = problem.Message, ["code"] = problem.Code, ["status"] = problem.Status };
        if (problem.Details is not null)
        {
            error["details"] = problem.Details.DeepClone();
        }

        if (problem.RetryAfterSeconds is { } retryAfter)
        {
            error["retryAfter"] = retryAfter;
        }

        return Write(context, problem.Status, new JsonObject { ["success"] = false, ["error"] = error });
    }

    public static async Task<JsonObject> ReadObject(HttpContext context)
    {
        try
        {
            JsonNode? node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return node as JsonObject ?? throw ApiProblem.Validation("body", "The body must be a JSON object");
        }
        catch (JsonException)
        {
            throw ApiProblem.Validation("body", "The body is not valid JSON");
        }
    }

    private static async Task Write(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
