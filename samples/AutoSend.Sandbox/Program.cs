using AutoSend.Sandbox;

// Runs the sandbox as its own process: dotnet run --project samples/AutoSend.Sandbox -- --port 5080
// [--webhook-url http://127.0.0.1:5090/hooks --webhook-secret whsec_...] delivers signed email.sent events there.
int port = 0;
string? webhookUrl = null, webhookSecret = null;
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port" && !int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
    {
        Console.Error.WriteLine("--port needs a number, e.g. --port 5080");
        return 2;
    }

    webhookUrl = args[i] == "--webhook-url" ? args[i + 1] : webhookUrl;
    webhookSecret = args[i] == "--webhook-secret" ? args[i + 1] : webhookSecret;
}

if ((webhookUrl is null) != (webhookSecret is null) || (webhookUrl is not null && !Uri.TryCreate(webhookUrl, UriKind.Absolute, out _)))
{
    Console.Error.WriteLine("--webhook-url needs an absolute URL and goes with --webhook-secret");
    return 2;
}

SandboxWebhook[] webhooks = webhookUrl is null ? [] : [new SandboxWebhook(new Uri(webhookUrl), webhookSecret!)];
await using Sandbox sandbox = await Sandbox.StartAsync(new SandboxOptions { Port = port, Webhooks = webhooks });
Console.WriteLine($"AutoSend sandbox listening on {sandbox.BaseAddress} (any AS_ key is accepted). Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
