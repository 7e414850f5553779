using System.Globalization;
using System.Text.Json.Nodes;

namespace AutoSend.Sandbox.Campaigns;

/// <summary>Where a campaign is in its life; the wire status is derived from it and the clock.</summary>
internal enum CampaignPhase
{
    Draft,
    Scheduled,
    Sending,
    Paused,
    Sent,
    Aborted,
}

/// <summary>One stored campaign. Time-driven transitions (scheduled → sending → sent) happen when it is read.</summary>
internal sealed class CampaignRecord
{
    public required string Id { get; init; }

    public required string ProjectId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public CampaignPhase Phase { get; set; }

    /// <summary>The writable fields exactly as the client set them (name, subject, from, sendMode...).</summary>
    public JsonObject Fields { get; set; } = [];

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? SendingSince { get; set; }

    public TimeSpan SentFor { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? PausedAt { get; set; }

    public DateTimeOffset? ResumedAt { get; set; }

    public DateTimeOffset? AbortedAt { get; set; }

    public bool IsGradual => (string?)Fields["sendMode"] == "gradual";

    /// <summary>Moves the campaign along the clock: a scheduled one starts sending, a sending one finishes.</summary>
    /// <returns>Whether the campaign started sending.</returns>
    public bool Advance(DateTimeOffset now, TimeSpan sendDuration)
    {
        bool started = false;
        if (Phase == CampaignPhase.Scheduled && StartsAt is { } starts && now >= starts)
        {
            Phase = CampaignPhase.Sending;
            SendingSince = starts;
            started = true;
        }

        if (Phase == CampaignPhase.Sending && SendingSince is { } since && SentFor + (now - since) >= sendDuration)
        {
            Phase = CampaignPhase.Sent;
            SentAt = since + (sendDuration - SentFor);
            SendingSince = null;
            SentFor = sendDuration;
        }

        return started;
    }

    public string Status => Phase switch
    {
        CampaignPhase.Draft => "draft",
        CampaignPhase.Scheduled => "scheduled",
        CampaignPhase.Sending => IsGradual ? "sending_gradual" : "sending",
        CampaignPhase.Paused => "paused",
        CampaignPhase.Sent => "sent",
        _ => "aborted",
    };

    /// <summary>The campaign as <c>GET /campaigns/{id}</c> returns it.</summary>
    public JsonObject ToJson(IReadOnlyDictionary<string, JsonObject> lists)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["projectId"] = ProjectId,
            ["organizationId"] = "64f0c0ffee0000000000a11c",
            ["createdBy"] = null,
            ["name"] = (string?)Fields["name"],
            ["subject"] = (string?)Fields["subject"],
            ["previewText"] = (string?)Fields["previewText"] ?? string.Empty,
            ["fromSenderId"] = (string?)Fields["fromSenderId"],
            ["from"] = Fields["from"]?.DeepClone(),
            ["replyTo"] = (string?)Fields["replyTo"],
            ["toLists"] = new JsonArray([.. Ids("toLists").Select(id => (JsonNode)ListReference(id, lists))]),
            ["excludeLists"] = new JsonArray([.. Ids("excludeLists").Select(id => (JsonNode)id)]),
            ["unsubscribeGroupId"] = (string?)Fields["unsubscribeGroupId"],
            ["sendNow"] = (bool?)Fields["sendNow"] ?? false,
            ["scheduledAt"] = (string?)Fields["scheduledAt"],
            ["templateId"] = (string?)Fields["templateId"] ?? "A-" + Id[..20],
            ["status"] = Status,
            ["sendMode"] = (string?)Fields["sendMode"] ?? "immediate",
            ["sendToGlobalList"] = (bool?)Fields["sendToGlobalList"] ?? false,
            ["trackingClick"] = (bool?)Fields["trackingClick"] ?? true,
            ["trackingOpen"] = (bool?)Fields["trackingOpen"] ?? true,
            ["source"] = "api",
            ["createdAt"] = Timestamp(CreatedAt),
            ["updatedAt"] = Timestamp(UpdatedAt),
            ["sentAt"] = Timestamp(SentAt),
            ["abortedAt"] = Timestamp(AbortedAt),
            ["pausedAt"] = Timestamp(PausedAt),
            ["resumedAt"] = Timestamp(ResumedAt),
            ["pausedReason"] = null,
            ["failureReason"] = null,
            ["agendaJobId"] = null,
            ["gradualSend"] = null,
            ["metrics"] = Metrics(),
        };
        if (IsGradual)
        {
            json["thresholdPreset"] = "balanced";
            json["gradualSend"] = new JsonObject
            {
                ["strategy"] = (string?)Fields["gradualStrategy"] ?? "fixed",
                ["dailyBatchSize"] = (int?)Fields["dailyBatchSize"] ?? 100,
                ["timezone"] = (string?)Fields["timezone"] ?? "UTC",
            };
        }

        return json;
    }

    /// <summary>The campaign as <c>GET /campaigns</c> lists it: the summary fields, metrics and sentAt once sent.</summary>
    public JsonObject ToSummaryJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["name"] = (string?)Fields["name"],
            ["subject"] = (string?)Fields["subject"],
            ["previewText"] = (string?)Fields["previewText"] ?? string.Empty,
            ["status"] = Status,
            ["sendMode"] = (string?)Fields["sendMode"] ?? "immediate",
            ["trackingClick"] = (bool?)Fields["trackingClick"] ?? true,
            ["trackingOpen"] = (bool?)Fields["trackingOpen"] ?? true,
            ["createdAt"] = Timestamp(CreatedAt),
            ["updatedAt"] = Timestamp(UpdatedAt),
        };
        if (Phase == CampaignPhase.Sent)
        {
            json["metrics"] = Metrics();
            json["sentAt"] = Timestamp(SentAt);
        }

        return json;
    }

    public IEnumerable<string> Ids(string field) =>
        Fields[field] is JsonArray array ? array.Select(n => (string?)n).OfType<string>() : [];

    private JsonObject Metrics()
    {
        int total = Ids("toLists").Count() * 100;
        int sent = Phase == CampaignPhase.Sent ? total : Phase is CampaignPhase.Sending or CampaignPhase.Paused or CampaignPhase.Aborted ? total / 2 : 0;
        return new JsonObject
        {
            ["sent"] = sent,
            ["delivered"] = sent,
            ["opened"] = 0,
            ["suppressed"] = 0,
            ["clicked"] = 0,
            ["bounced"] = 0,
            ["unsubscribed"] = 0,
            ["spamReported"] = 0,
            ["processedCount"] = sent,
            ["totalContacts"] = total,
            ["failedCount"] = 0,
        };
    }

    private static JsonObject ListReference(string id, IReadOnlyDictionary<string, JsonObject> lists) =>
        lists.TryGetValue(id, out JsonObject? list)
            ? new JsonObject { ["id"] = id, ["name"] = list["name"]?.DeepClone(), ["type"] = list["type"]?.DeepClone() ?? "list", ["contactCount"] = list["contactCount"]?.DeepClone() ?? 0 }
            : new JsonObject { ["id"] = id, ["name"] = "List " + id, ["type"] = "list", ["contactCount"] = 100 };

    internal static string? Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
