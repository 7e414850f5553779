using System.Security.Cryptography;

namespace AutoSend.Sandbox;

/// <summary>New resource ids in AutoSend's usual form: 24 lower-case hex digits, like a MongoDB ObjectId.</summary>
internal static class Ids
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}

/// <summary>The documented pagination block: <c>{page, limit, total, pages}</c>.</summary>
internal static class Pagination
{
    public static System.Text.Json.Nodes.JsonObject Of(int page, int limit, int total) => new()
    {
        ["page"] = page,
        ["limit"] = limit,
        ["total"] = total,
        ["pages"] = (total + limit - 1) / limit,
    };
}
