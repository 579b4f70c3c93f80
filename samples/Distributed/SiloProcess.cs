using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Distributed;

/// <summary>A silo process: localhost clustering, the shard grains of LossGen.Orleans; it stops when its standard input closes (the coordinator ended).</summary>
internal static class SiloProcess
{
    /// <param name="silo">1-based silo number; silo 1 is the primary.</param>
    /// <param name="ports">Silo port, then gateway port, of every silo in turn.</param>
    public static async Task RunAsync(int silo, int[] ports)
    {
        int siloPort = ports[2 * (silo - 1)], gatewayPort = ports[2 * (silo - 1) + 1];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(orleans => orleans.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, ports[0])));
        using IHost host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("ready");
        // Wait for the coordinator to close our standard input (or to die, which closes it too).
        await Task.Run(() => { while (Console.In.ReadLine() is not null) { } });
        await host.StopAsync(TimeSpan.FromSeconds(5));
    }
}
