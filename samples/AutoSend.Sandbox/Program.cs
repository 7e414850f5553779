using AutoSend.Sandbox;

// Runs the sandbox as its own process: dotnet run --project samples/AutoSend.Sandbox -- --port 5080
int port = 0;
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port" && !int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
    {
        Console.Error.WriteLine("--port needs a number, e.g. --port 5080");
        return 2;
    }
}

await using Sandbox sandbox = await Sandbox.StartAsync(new SandboxOptions { Port = port });
Console.WriteLine($"AutoSend sandbox listening on {sandbox.BaseAddress} (any AS_ key is accepted). Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
