using System.IO.Pipes;
using System.Net.Sockets;
using Finiex.Protocol;

namespace Finiex.Runner;

/// <summary>Opens the stream to the parent: its named pipe on this machine, or a TCP connection dialled back to it.</summary>
internal static class ParentConnection
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(15);

    public static async Task<Stream> OpenAsync(RunnerOptions options, CancellationToken cancellationToken)
    {
        if (options.Pipe is { } name)
        {
            var pipe = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
            try
            {
                await pipe.ConnectAsync(ConnectLimit, cancellationToken).ConfigureAwait(false);
                return pipe;
            }
            catch
            {
                await pipe.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        var (host, port) = HostPort.Parse(options.Connect!);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ConnectLimit);
        while (true)
        {
#pragma warning disable CA2000 // owned by the returned stream, or disposed on each failure path below
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
#pragma warning restore CA2000
            try
            {
                socket.NoDelay = true;
                await socket.ConnectAsync(host, port, limit.Token).ConfigureAwait(false);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException) when (!limit.IsCancellationRequested)
            {
                socket.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token).ConfigureAwait(false); // the listener may not be up yet
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
