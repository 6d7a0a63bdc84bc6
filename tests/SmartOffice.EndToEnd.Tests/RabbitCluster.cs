using System.Diagnostics;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// The three-node RabbitMQ cluster that scripts/services.sh start_rabbitmq_cluster starts (SMARTOFFICE_TEST_CLUSTER=1
/// ./test.sh): its addresses for the Api and Worker settings, and the means to kill a node and start it again.
/// </summary>
internal static class RabbitCluster
{
    public static string Nodes => Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_RABBITMQ_CLUSTER") ?? "";

    private static string Folder => Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_RABBITMQ_CLUSTER_DIR") ?? "";

    /// <summary>
    /// Bus settings listing the nodes from <paramref name="firstNode"/> on (1-3): a process connects to the first
    /// node it lists, so rotating the lists spreads the processes over the nodes as in a deployment.
    /// </summary>
    public static Dictionary<string, string?> Settings(int firstNode)
    {
        var nodes = Nodes.Split(',');
        var rotated = nodes.Skip(firstNode - 1).Concat(nodes.Take(firstNode - 1));
        return new()
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:ClusterNodes"] = string.Join(',', rotated),
        };
    }

    /// <summary>The node (1-3) after <paramref name="node"/>, round the cluster.</summary>
    public static int After(int node) => node % 3 + 1;

    /// <summary>
    /// Cluster tests run where the test script started the cluster; elsewhere they are inconclusive, never silently
    /// green.
    /// </summary>
    public static void Require()
    {
        if (string.IsNullOrEmpty(Nodes) || string.IsNullOrEmpty(Folder))
        {
            Assert.AreNotEqual(
                "1",
                Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_CLUSTER"),
                "SMARTOFFICE_TEST_CLUSTER=1 but no cluster was started"
            );
            Assert.Inconclusive(
                "no RabbitMQ cluster: run SMARTOFFICE_TEST_CLUSTER=1 ./test.sh, which starts one (see "
                    + "docs/operations.md)"
            );
        }
    }

    /// <summary>
    /// Starts any node an earlier, interrupted run left dead, so every run begins on the whole cluster.
    /// </summary>
    public static async Task StartStoppedNodesAsync()
    {
        foreach (var (address, node) in Nodes.Split(',').Select((address, index) => (address, index + 1)))
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try
            {
                var (host, port) = (
                    address[..address.LastIndexOf(':')],
                    int.Parse(
                        address[(address.LastIndexOf(':') + 1)..],
                        System.Globalization.CultureInfo.InvariantCulture
                    )
                );
                await probe.ConnectAsync(host, port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                await StartAsync(node);
            }
        }
    }

    /// <summary>
    /// SIGKILL of node <paramref name="node"/>'s Erlang VM: a crash, its connections cut without a goodbye.
    /// </summary>
    public static void Kill(int node)
    {
        var pid = int.Parse(
            File.ReadAllText(Path.Combine(Folder, $"rabbit{node}", "pid")).Trim(),
            System.Globalization.CultureInfo.InvariantCulture
        );
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>
    /// Starts node <paramref name="node"/> again with its own settings; it rejoins the cluster by itself.
    /// </summary>
    public static async Task StartAsync(int node)
    {
        var home = Path.Combine(Folder, $"rabbit{node}");
        // The killed node left its pid file behind; `rabbitmqctl wait` watches the new one until the node has started.
        await ShellAsync(
            $"rm -f {home}/pid && . {home}/env.sh && rabbitmq-server -detached && rabbitmqctl -q wait {home}/pid "
                + $"--timeout 120"
        );
    }

    /// <summary>
    /// The queue's type, leader node (1-3) and member nodes, as node <paramref name="askNode"/> lists them; null before
    /// it is declared.
    /// </summary>
    public static async Task<(string Type, int Leader, string Members)?> DescribeQueueAsync(string queue, int askNode)
    {
        var environment = Path.Combine(Folder, $"rabbit{askNode}", "env.sh");
        var lines = await ShellAsync(
            $". {environment} && rabbitmqctl -q list_queues --no-table-headers name type leader members"
        );
        var columns = lines
            .Split('\n')
            .FirstOrDefault(line => line.StartsWith(queue + "\t", StringComparison.Ordinal))
            ?.Split('\t');
        if (columns is null)
        {
            return null;
        }

        // Nodes are named rabbit1@localhost … rabbit3@localhost.
        return (columns[1], columns[2]["rabbit".Length] - '0', columns[3]);
    }

    private static async Task<string> ShellAsync(string command)
    {
        using var process = Process.Start(
            new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardError = true, RedirectStandardOutput = true }
        )!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.AreEqual(0, process.ExitCode, $"{command}: {error}");
        return await output;
    }
}
