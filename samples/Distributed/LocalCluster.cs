using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Distributed;

/// <summary>Silo processes started from this program on free localhost ports, and a cluster client connected to them.</summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<Process> _silos;
    private readonly IHost _client;

    private LocalCluster(List<Process> silos, IHost client)
    {
        _silos = silos;
        _client = client;
    }

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();

    public IEnumerable<int> ProcessIds => _silos.Select(p => p.Id);

    public static async Task<LocalCluster> StartAsync(int silos)
    {
        int[] ports = Enumerable.Range(0, 2 * silos).Select(_ => FreePort()).ToArray();
        var processes = new List<Process>();
        try
        {
            for (int s = 1; s <= silos; s++)
            {
                processes.Add(StartSilo(s, ports));
                // The primary first: the others join through it.
                await WaitReady(processes[^1]);
            }
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleansClient(client => client.UseLocalhostClustering(Enumerable.Range(0, silos).Select(s => ports[2 * s + 1]).ToArray()));
            IHost host = builder.Build();
            await host.StartAsync();
            return new LocalCluster(processes, host);
        }
        catch
        {
            Stop(processes);
            throw;
        }
    }

    private static Process StartSilo(int silo, int[] ports)
    {
        // This same program: its apphost, or 'dotnet Distributed.dll' when run that way.
        string self = Environment.ProcessPath!;
        string arguments = $"--silo {silo} --ports {string.Join(',', ports)}";
        var info = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, $"\"{typeof(LocalCluster).Assembly.Location}\" {arguments}")
            : new ProcessStartInfo(self, arguments);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        return Process.Start(info) ?? throw new InvalidOperationException($"Silo {silo} could not be started.");
    }

    private static async Task WaitReady(Process silo)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await silo.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "ready")
            {
                return;
            }
        }
        throw new InvalidOperationException($"Silo process {silo.Id} ended before it was ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(List<Process> silos)
    {
        // The secondary silos first, the primary (which the others joined through) last.
        foreach (Process silo in Enumerable.Reverse(silos))
        {
            // Closing its standard input stops the silo; kill it only if it does not stop.
            silo.StandardInput.Close();
            if (!silo.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                silo.Kill();
            }
            silo.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        Stop(_silos);
    }
}
