using System.Diagnostics.Tracing;
using System.Globalization;
using AutoSend.Client;

namespace AutoSend.Benchmarks;

/// <summary>
/// <c>--alloc-profile [calls]</c>: what one ResumeAsync allocates, by type, for the hand-written baseline and for our
/// client (defaults, and with retries and timeouts off). It listens to the runtime's GCAllocationTick events in
/// process (one sample each time ~100 KB have been allocated, naming the type of the object that crossed the mark),
/// so over many calls the bytes per type converge on what each call allocates. Exact totals per call come from
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/>.
/// </summary>
public static class AllocationProfile
{
    public static int Run(int calls)
    {
        using var factory = CallerHttpClients.CreateFactory(
            ("HandWritten", new CannedResponseHandler(Payloads.ResumeUtf8)), ("AutoSend", new CannedResponseHandler(Payloads.ResumeUtf8)),
            ("AutoSend0", new CannedResponseHandler(Payloads.ResumeUtf8)), ("AutoSendBare", new CannedResponseHandler(Payloads.ResumeUtf8)));
        using var server = new LoopbackServer(Payloads.ResumeUtf8);
        var scenarios = new (string Name, Func<Func<Task>> Create)[]
        {
            ("HandWritten (floor), caller's HttpClient", () =>
            {
                var client = new Bench.HandWritten.HandWrittenClient(factory.CreateClient("HandWritten"), ClientSet.BaseAddress, ClientSet.ApiKey);
                return () => client.ResumeAsync(Payloads.CampaignId);
            }),
            ("AutoSend (defaults), caller's HttpClient", () => AutoSend(factory.CreateClient("AutoSend"), ClientSet.BaseAddress, _ => { })),
            ("AutoSend MaxRetries=0, caller's HttpClient", () => AutoSend(factory.CreateClient("AutoSend0"), ClientSet.BaseAddress, o => o.MaxRetries = 0)),
            ("AutoSend MaxRetries=0, no timeouts, caller's HttpClient", () => AutoSend(factory.CreateClient("AutoSendBare"), ClientSet.BaseAddress, o =>
            {
                o.MaxRetries = 0;
                o.Timeout = Timeout.InfiniteTimeSpan;
                o.TotalTimeout = Timeout.InfiniteTimeSpan;
            })),
            ("HandWritten (floor), own HttpClient, loopback", () =>
            {
                var client = new Bench.HandWritten.HandWrittenClient(server.BaseAddress, ClientSet.ApiKey);
                return () => client.ResumeAsync(Payloads.CampaignId);
            }),
            ("AutoSend (defaults), own HttpClient, loopback", () => AutoSend(null, server.BaseAddress, _ => { })),
        };

        foreach ((string name, Func<Func<Task>> create) in scenarios)
        {
            Func<Task> call = create();
            for (int i = 0; i < 2000; i++)
            {
                call().GetAwaiter().GetResult();
            }

            // Exact bytes per call, over every thread (a loopback call continues on the thread pool; the server's
            // threads allocate nothing), before the listener is on (its callbacks allocate too).
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < calls; i++)
            {
                call().GetAwaiter().GetResult();
            }

            long perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
            using var listener = new AllocationListener();
            for (int i = 0; i < calls; i++)
            {
                call().GetAwaiter().GetResult();
            }

            Console.WriteLine($"## {name}: {perCall:N0} bytes per call (measured), {listener.Samples:N0} samples");
            Console.WriteLine("| Type | bytes per call (sampled) |");
            Console.WriteLine("|---|---:|");
            foreach ((string type, long bytes) in listener.BytesByType.OrderByDescending(e => e.Value).Take(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {(double)bytes / calls:F0} |"));
            }

            Console.WriteLine();
        }

        return 0;
    }

    private static Func<Task> AutoSend(HttpClient? httpClient, Uri baseAddress, Action<AutoSendClientOptions> configure)
    {
        var options = new AutoSendClientOptions { ApiKey = ClientSet.ApiKey, BaseAddress = baseAddress };
        configure(options);
        var client = httpClient is null ? new AutoSendClient(options) : new AutoSendClient(httpClient, options);
        return () => client.Campaigns.ResumeAsync(Payloads.CampaignId);
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly object _gate = new();

        public Dictionary<string, long> BytesByType { get; } = [];

        public int Samples { get; private set; }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: GCAllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            {
                return;
            }

            int typeIndex = eventData.PayloadNames!.IndexOf("TypeName");
            int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            if (typeIndex < 0 || amountIndex < 0)
            {
                return;
            }

            string type = eventData.Payload[typeIndex] as string ?? "?";
            long amount = Convert.ToInt64(eventData.Payload[amountIndex], CultureInfo.InvariantCulture);
            lock (_gate)
            {
                BytesByType[type] = BytesByType.GetValueOrDefault(type) + amount;
                Samples++;
            }
        }
    }
}
