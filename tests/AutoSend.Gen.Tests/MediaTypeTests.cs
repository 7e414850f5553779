using AutoSend.Gen.Parsing;

namespace AutoSend.Gen.Tests;

/// <summary>The generator's one set of media-type rules (Parsing/MediaTypes.cs); the kinds are internal, so cases name them.</summary>
public sealed class MediaTypeTests
{
    [Theory]
    [InlineData("application/json", "Json")]
    [InlineData("Application/JSON; charset=utf-8", "Json")]
    [InlineData("application/merge-patch+json", "Json")]
    [InlineData("text/json", "Json")]
    [InlineData("application/x-ndjson", "Binary")]
    [InlineData("application/jsonl", "Binary")]
    [InlineData("multipart/form-data; boundary=x", "Multipart")]
    [InlineData("multipart/mixed", "Multipart")]
    [InlineData("application/x-www-form-urlencoded", "FormUrlEncoded")]
    [InlineData("text/plain", "Text")]
    [InlineData("application/octet-stream", "Binary")]
    [InlineData("json", "Binary")]
    public void A_request_body_is_sent_by_its_media_type(string contentKey, string expected) =>
        Assert.Equal(expected, MediaTypes.BodyKindOf(contentKey).ToString());

    [Theory]
    [InlineData("application/json", false, "Json")]
    [InlineData("application/problem+json", false, "Json")]
    [InlineData("*/*", false, "Json")]
    [InlineData("*/*", true, "File")]
    [InlineData("text/csv; charset=utf-8", false, "Text")]
    [InlineData("text/csv", true, "File")]
    [InlineData("application/x-ndjson", false, "JsonLines")]
    [InlineData("image/png", false, "File")]
    public void A_response_is_read_by_its_media_type(string contentKey, bool binary, string expected)
    {
        var schema = new Microsoft.OpenApi.OpenApiSchema { Format = binary ? "binary" : null };

        Assert.Equal(expected, MediaTypes.ResponseKindOf(contentKey, schema).ToString());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData(" text/plain ", "text/plain")]
    [InlineData("not a media type", "not a media type")]
    public void The_sent_media_type_drops_its_parameters(string contentKey, string expected) =>
        Assert.Equal(expected, MediaTypes.WithoutParameters(contentKey));
}
