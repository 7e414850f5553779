using System.Globalization;
using System.Text.Json.Nodes;

namespace AutoSend.Sandbox.Campaigns;

/// <summary>
/// The campaigns of one sandbox and their state machine (API-FACTS §4.4): resume only from paused, pause and abort
/// only while sending, delete only drafts. Where AutoSend documents no error for a bad transition, the sandbox answers
/// 400 with a specific code (docs/sandbox.md lists them as our assumption).
/// </summary>
internal sealed class CampaignStore(SandboxOptions options, Webhooks.WebhookSender webhooks)
{
    private static readonly string[] s_writable =
    [
        "name", "subject", "previewText", "from", "fromSenderId", "replyTo", "templateId", "htmlTemplate", "toLists",
        "excludeLists", "unsubscribeGroupId", "sendNow", "scheduledAt", "sendToGlobalList", "publish", "trackingClick",
        "trackingOpen", "sendMode", "gradualStrategy", "dailyBatchSize", "timezone", "defaultCampaign", "builderType",
    ];

    private static readonly string[] s_sendModes = ["immediate", "scheduled", "gradual"];
    private static readonly string[] s_strategies = ["fixed", "1.25x", "1.5x", "1.75x", "2x"];

    private readonly Dictionary<string, CampaignRecord> _campaigns = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyDictionary<string, JsonObject> Lists { get; set; } = new Dictionary<string, JsonObject>();

    private DateTimeOffset Now => options.Clock.GetUtcNow();

    public JsonObject Create(JsonObject body, string projectId)
    {
        Validate(body, creating: true);
        lock (_lock)
        {
            DateTimeOffset now = Now;
            var campaign = new CampaignRecord { Id = Ids.New(), ProjectId = projectId, CreatedAt = now, UpdatedAt = now, Fields = Writable(body) };
            Schedule(campaign, now);
            _campaigns.Add(campaign.Id, campaign);
            return campaign.ToJson(Lists);
        }
    }

    public JsonObject Get(string id)
    {
        lock (_lock)
        {
            return Find(id).ToJson(Lists);
        }
    }

    public JsonObject List(IQueryCollection query)
    {
        int page = IntParameter(query, "page", 1, 1, int.MaxValue);
        int limit = IntParameter(query, "limit", 20, 1, 100);
        string? status = query["status"];
        string? name = query["name"];
        DateTimeOffset? start = DateParameter(query, "startDate"), end = DateParameter(query, "endDate");
        lock (_lock)
        {
            List<CampaignRecord> matching = _campaigns.Values
                .Select(c => { Advance(c); return c; })
                .Where(c => status is null || c.Status == status)
                .Where(c => name is null || ((string?)c.Fields["name"] ?? string.Empty).Contains(name, StringComparison.OrdinalIgnoreCase))
                .Where(c => (start is null || c.CreatedAt >= start) && (end is null || c.CreatedAt <= end))
                .OrderByDescending(c => c.CreatedAt)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            return new JsonObject
            {
                ["campaigns"] = new JsonArray([.. matching.Skip((page - 1) * limit).Take(limit).Select(c => (JsonNode)c.ToSummaryJson())]),
                ["pagination"] = Pagination.Of(page, limit, matching.Count),
            };
        }
    }

    public JsonObject Update(string id, JsonObject body)
    {
        Validate(body, creating: false);
        lock (_lock)
        {
            CampaignRecord campaign = Find(id);
            if (campaign.Phase is not (CampaignPhase.Draft or CampaignPhase.Scheduled or CampaignPhase.Paused))
            {
                throw new ApiProblem(400, "CAMPAIGN_NOT_EDITABLE", $"A campaign that is {campaign.Status} cannot be edited");
            }

            foreach ((string key, JsonNode? value) in Writable(body))
            {
                campaign.Fields[key] = value?.DeepClone();
            }

            campaign.UpdatedAt = Now;
            if (campaign.Phase == CampaignPhase.Draft)
            {
                Schedule(campaign, Now);
            }

            return campaign.ToJson(Lists);
        }
    }

    public void Delete(string id)
    {
        lock (_lock)
        {
            CampaignRecord campaign = Find(id);
            if (campaign.Phase != CampaignPhase.Draft)
            {
                throw new ApiProblem(400, "ONLY_DRAFT_CAMPAIGNS_CAN_BE_DELETED", "Only draft campaigns can be deleted");
            }

            _campaigns.Remove(id);
        }
    }

    public JsonObject Duplicate(string id)
    {
        lock (_lock)
        {
            CampaignRecord source = Find(id);
            DateTimeOffset now = Now;
            JsonObject fields = (JsonObject)source.Fields.DeepClone();
            fields["name"] = (string?)source.Fields["name"] + " (copy)";
            fields.Remove("sendNow");
            fields.Remove("scheduledAt");
            var copy = new CampaignRecord { Id = Ids.New(), ProjectId = source.ProjectId, CreatedAt = now, UpdatedAt = now, Fields = fields };
            _campaigns.Add(copy.Id, copy);
            return copy.ToJson(Lists);
        }
    }

    public JsonObject Pause(string id) => Transition(id, CampaignPhase.Sending, "CAMPAIGN_NOT_SENDING", "Only a campaign that is sending can be paused", (campaign, now) =>
    {
        campaign.SentFor += now - campaign.SendingSince!.Value;
        campaign.SendingSince = null;
        campaign.Phase = CampaignPhase.Paused;
        campaign.PausedAt = now;
    });

    public JsonObject Resume(string id) => Transition(id, CampaignPhase.Paused, "CAMPAIGN_NOT_PAUSED", "Only a paused campaign can be resumed", (campaign, now) =>
    {
        campaign.Phase = CampaignPhase.Sending;
        campaign.SendingSince = now;
        campaign.ResumedAt = now;
        EmailSent(campaign);
    });

    public JsonObject Abort(string id) => Transition(id, CampaignPhase.Sending, "CAMPAIGN_NOT_SENDING", "Only a campaign that is sending can be aborted", (campaign, now) =>
    {
        campaign.SentFor += now - campaign.SendingSince!.Value;
        campaign.SendingSince = null;
        campaign.Phase = CampaignPhase.Aborted;
        campaign.AbortedAt = now;
    });

    private JsonObject Transition(string id, CampaignPhase from, string code, string message, Action<CampaignRecord, DateTimeOffset> apply)
    {
        lock (_lock)
        {
            CampaignRecord campaign = Find(id);
            if (campaign.Phase != from)
            {
                throw new ApiProblem(400, code, $"{message}; this one is {campaign.Status}");
            }

            DateTimeOffset now = Now;
            apply(campaign, now);
            campaign.UpdatedAt = now;
            return campaign.ToJson(Lists);
        }
    }

    private CampaignRecord Find(string id)
    {
        if (!_campaigns.TryGetValue(id, out CampaignRecord? campaign))
        {
            throw ApiProblem.NotFound("CAMPAIGN_NOT_FOUND", "Campaign");
        }

        Advance(campaign);
        return campaign;
    }

    private void Advance(CampaignRecord campaign)
    {
        if (campaign.Advance(Now, options.SendDuration))
        {
            EmailSent(campaign);
        }
    }

    // AutoSend has no campaign status events: a receiver hears of a sending campaign through its emails.
    private void EmailSent(CampaignRecord campaign) => webhooks.Deliver("email.sent", new JsonObject
    {
        ["emailId"] = Ids.New(),
        ["from"] = (string?)campaign.Fields["from"] ?? "campaigns@sandbox.example",
        ["to"] = new JsonObject { ["email"] = "subscriber@example.com", ["name"] = "Sandbox Subscriber" },
        ["subject"] = (string?)campaign.Fields["subject"] ?? string.Empty,
        ["test"] = false,
        ["campaignId"] = campaign.Id,
    });

    // sendNow starts sending after SendDelay; scheduledAt at that time; otherwise the campaign stays a draft.
    private void Schedule(CampaignRecord campaign, DateTimeOffset now)
    {
        if ((bool?)campaign.Fields["sendNow"] == true)
        {
            campaign.Phase = CampaignPhase.Scheduled;
            campaign.StartsAt = now + options.SendDelay;
        }
        else if ((string?)campaign.Fields["scheduledAt"] is { } at)
        {
            campaign.Phase = CampaignPhase.Scheduled;
            campaign.StartsAt = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        }
    }

    private static JsonObject Writable(JsonObject body)
    {
        var fields = new JsonObject();
        foreach (string key in s_writable)
        {
            if (body.TryGetPropertyValue(key, out JsonNode? value))
            {
                fields[key] = value?.DeepClone();
            }
        }

        return fields;
    }

    private static void Validate(JsonObject body, bool creating)
    {
        Text(body, "name", 1, 200, creating);
        Text(body, "subject", 1, 998, creating);
        Text(body, "previewText", 0, 200, required: false);
        if (creating && body["templateId"] is null && body["htmlTemplate"] is null)
        {
            throw ApiProblem.Validation("templateId", "Either templateId or htmlTemplate is required");
        }

        OneOf(body, "sendMode", s_sendModes);
        OneOf(body, "gradualStrategy", s_strategies);
        if ((string?)body["sendMode"] == "gradual" && creating && body["gradualStrategy"] is null)
        {
            throw ApiProblem.Validation("gradualStrategy", "gradualStrategy is required when sendMode is gradual");
        }

        if (body["dailyBatchSize"] is JsonNode batch && (batch.GetValueKind() != System.Text.Json.JsonValueKind.Number || (double)batch < 1))
        {
            throw ApiProblem.Validation("dailyBatchSize", "dailyBatchSize must be a number of at least 1");
        }

        if (body["scheduledAt"] is JsonNode at && (at.GetValueKind() != System.Text.Json.JsonValueKind.String || !DateTimeOffset.TryParse((string?)at, CultureInfo.InvariantCulture, out _)))
        {
            throw ApiProblem.Validation("scheduledAt", "scheduledAt must be an ISO 8601 date-time");
        }

        foreach (string field in new[] { "toLists", "excludeLists" })
        {
            if (body[field] is JsonNode list && (list is not JsonArray array || array.Any(i => i?.GetValueKind() != System.Text.Json.JsonValueKind.String)))
            {
                throw ApiProblem.Validation(field, field + " must be an array of list or segment ids");
            }
        }

        foreach (string field in new[] { "sendNow", "sendToGlobalList", "trackingClick", "trackingOpen", "publish" })
        {
            if (body[field] is JsonNode flag && flag.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                throw ApiProblem.Validation(field, field + " must be a boolean");
            }
        }
    }

    private static void Text(JsonObject body, string field, int min, int max, bool required)
    {
        JsonNode? node = body[field];
        if (node is null)
        {
            if (required)
            {
                throw ApiProblem.Validation(field, field + " is required");
            }

            return;
        }

        if (node.GetValueKind() != System.Text.Json.JsonValueKind.String || ((string)node!).Length < min || ((string)node!).Length > max)
        {
            throw ApiProblem.Validation(field, $"{field} must be a string of {min} to {max} characters");
        }
    }

    private static void OneOf(JsonObject body, string field, string[] allowed)
    {
        if (body[field] is JsonNode node && (node.GetValueKind() != System.Text.Json.JsonValueKind.String || !allowed.Contains((string)node!)))
        {
            throw ApiProblem.Validation(field, $"{field} must be one of {string.Join(", ", allowed)}");
        }
    }

    private static int IntParameter(IQueryCollection query, string name, int fallback, int min, int max)
    {
        string? text = query[name];
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw ApiProblem.Validation(name, $"{name} must be an integer from {min} to {max}");
        }

        return value;
    }

    private static DateTimeOffset? DateParameter(IQueryCollection query, string name)
    {
        string? text = query[name];
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw ApiProblem.Validation(name, name + " must be an ISO 8601 date-time");
    }
}
