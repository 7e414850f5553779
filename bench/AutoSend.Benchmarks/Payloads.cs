using System.Globalization;
using System.Text;

namespace AutoSend.Benchmarks;

/// <summary>The response bodies the in-memory handler returns.</summary>
public static class Payloads
{
    public const string CampaignId = "60d5ec49f1b2c72d9c8b4567";

    /// <summary>
    /// The documented response of POST /campaigns/{campaignId}/resume, byte for byte as in
    /// reference-docs/api-reference/campaigns/resume.mdx (indentation included).
    /// </summary>
    public const string Resume = """
        {
          "success": true,
          "data": {
            "id": "60d5ec49f1b2c72d9c8b4567",
            "name": "Spring Sale Newsletter",
            "subject": "Don't miss our Spring Sale!",
            "previewText": "Up to 50% off this weekend only",
            "status": "sending_gradual",
            "sendMode": "gradual",
            "trackingClick": true,
            "trackingOpen": true,
            "createdAt": "2026-03-01T10:00:00.000Z",
            "updatedAt": "2026-03-15T14:30:00.000Z"
          }
        }
        """;

    /// <summary>The campaign object of <see cref="Resume"/> alone.</summary>
    public const string Campaign = """
        {
          "id": "60d5ec49f1b2c72d9c8b4567",
          "name": "Spring Sale Newsletter",
          "subject": "Don't miss our Spring Sale!",
          "previewText": "Up to 50% off this weekend only",
          "status": "sending_gradual",
          "sendMode": "gradual",
          "trackingClick": true,
          "trackingOpen": true,
          "createdAt": "2026-03-01T10:00:00.000Z",
          "updatedAt": "2026-03-15T14:30:00.000Z"
        }
        """;

    public static readonly byte[] ResumeUtf8 = Encoding.UTF8.GetBytes(Resume);

    public static readonly byte[] CampaignUtf8 = Encoding.UTF8.GetBytes(Campaign);

    /// <summary>A page of 100 campaigns shaped like the two examples of list.mdx, alternating, with unique ids.</summary>
    public static readonly string List = BuildList(100);

    public static readonly byte[] ListUtf8 = Encoding.UTF8.GetBytes(List);

    /// <summary>The <c>campaigns</c> array of <see cref="List"/> alone.</summary>
    public static readonly byte[] CampaignArrayUtf8 = Encoding.UTF8.GetBytes(BuildArray(100));

    private static string BuildList(int count) =>
        """{"success":true,"data":{"campaigns":""" + BuildArray(count)
        + ""","pagination":{"page":1,"limit":""" + count + ""","total":""" + count + ""","pages":1}}}""";

    private static string BuildArray(int count)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            string id = "60d5ec49f1b2c72d9c8b" + (0x4567 + i).ToString("x4", CultureInfo.InvariantCulture);
            text.Append(i % 2 == 0
                ? $$"""{"id":"{{id}}","name":"Spring Sale Newsletter {{i}}","subject":"Don't miss our Spring Sale!","previewText":"Up to 50% off this weekend only","status":"draft","sendMode":"immediate","trackingClick":true,"trackingOpen":true,"createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-15T14:30:00.000Z"}"""
                : $$"""{"id":"{{id}}","name":"Welcome Series - Week {{i}}","subject":"Welcome to Autosend!","previewText":"Get started in minutes","status":"sent","sendMode":"scheduled","trackingClick":true,"trackingOpen":true,"metrics":{"sent":200,"delivered":200,"opened":160,"suppressed":0,"clicked":0,"bounced":0,"unsubscribed":0,"spamReported":0,"processedCount":200,"totalContacts":200,"failedCount":0},"sentAt":"2026-04-06T05:54:51.190Z","createdAt":"2026-02-15T08:00:00.000Z","updatedAt":"2026-02-20T09:45:00.000Z"}""");
        }

        return text.Append(']').ToString();
    }
}
