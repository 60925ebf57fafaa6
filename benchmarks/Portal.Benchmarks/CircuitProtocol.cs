using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Portal.Benchmarks;

/// <summary>
/// The circuit hub only accepts "blazorpack", which is SignalR's MessagePack protocol (version 2) under another name.
/// </summary>
internal sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();
    public string Name => "blazorpack";
    public int Version => _inner.Version;
    public TransferFormat TransferFormat => TransferFormat.Binary;
    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}

/// <summary>
/// Reads what the tool needs from a render batch (the binary format of RenderBatchWriter): the updated components with
/// their edits, the reference frames (20 bytes each) and the string table.
/// </summary>
internal sealed class RenderBatch(byte[] data)
{
    private const int FrameSize = 20;
    private int Tail(int i) => BitConverter.ToInt32(data, data.Length - 20 + 4 * i);
    private int Int(int at) => BitConverter.ToInt32(data, at);

    public IEnumerable<(int ComponentId, List<(int Type, int FrameIndex)> Edits)> Diffs()
    {
        var table = Tail(0);
        var count = Int(table);
        for (var i = 0; i < count; i++)
        {
            var at = Int(table + 4 + 4 * i);
            var componentId = Int(at);
            var edits = new List<(int, int)>();
            for (int e = 0, n = Int(at + 4); e < n; e++)
                edits.Add((Int(at + 8 + 16 * e), Int(at + 8 + 16 * e + 8)));
            yield return (componentId, edits);
        }
    }

    public int FrameCount => Int(Tail(1));
    public int FrameType(int index) => Int(Tail(1) + 4 + FrameSize * index);
    private int FrameInt(int index, int field) => Int(Tail(1) + 4 + FrameSize * index + 4 + 4 * field);
    public int SubtreeLength(int index) => FrameInt(index, 0); // element, region, component
    public string? AttributeName(int index) => String(FrameInt(index, 0));
    public string? AttributeValue(int index) => String(FrameInt(index, 1));
    public long EventHandlerId(int index) => BitConverter.ToInt64(data, Tail(1) + 4 + FrameSize * index + 12);

    private string? String(int index)
    {
        if (index < 0)
            return null;
        var at = Int(Tail(4) + 4 * index);
        // BinaryWriter.Write(string): a 7-bit encoded length, then UTF-8.
        int length = 0, shift = 0;
        byte b;
        do { b = data[at++]; length |= (b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(data, at, length);
    }

    public const int Element = 1, Attribute = 3, PrependFrame = 1, SetAttribute = 3;
}

/// <summary>
/// One interactive session as the Blazor client script runs it: GET the page (prerendered, with component markers),
/// connect to /_blazor, start the circuit, add the root components, acknowledge every render batch and answer every
/// JS interop call with null. It knows one interaction: a click on the top bar's navigation toggle, which re-renders
/// the layout (MainLayout's state changes) on every page.
/// </summary>
internal sealed partial class CircuitSession : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _clickRendered;
    private long _interopObjectId = -1;
    private int _toggleComponentId = -1;
    private long _toggleHandlerId;
    private int _callId;
    private static long _nextJsObjectId;

    public string Page { get; }
    public string? CircuitId { get; private set; }
    public string? Error { get; private set; }
    public static readonly HashSet<string> SeenJsCalls = [];
    private static readonly bool Trace = Environment.GetEnvironmentVariable("PORTAL_CIRCUIT_TRACE") == "1";

    private CircuitSession(Uri baseUri, string page, CookieContainer cookies)
    {
        Page = page;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), o =>
        {
            o.Cookies = cookies;
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
        });
        if (Trace)
            builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug));
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _connection = builder.Build();
        _connection.ServerTimeout = TimeSpan.FromMinutes(2);
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10 servers send a sixth argument (the call type: function call, constructor, property); the 9.0 script ignores it.
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _connection.On<int, string>("JS.AttachComponent", (_, _) => { }); // the web script attaches by markers instead
        _connection.On<string>("JS.Error", e => Fail("server: " + e));
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", (id, ok, result) =>
        {
            if (!ok) Fail("event dispatch failed: " + result);
        });
        if (Trace)
            _connection.On<long>("JS.EndUpdateRootComponents", b => Console.Error.WriteLine("root components updated " + b));
        _connection.Closed += e => { if (e is not null) Fail("closed: " + e.Message); return Task.CompletedTask; };
    }

    public static async Task<CircuitSession> OpenAsync(Uri baseUri, string page, CookieContainer cookies, HttpClient http, TimeSpan timeout)
    {
        var session = new CircuitSession(baseUri, page, cookies);
        var html = await http.GetStringAsync(page);
        var markers = Marker().Matches(html).Select(m => m.Groups[1].Value).Where(j => j.Contains("\"type\":\"server\"")).ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{page} has no server component markers (not signed in?).");
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        await session._connection.StartAsync();
        session.CircuitId = await session._connection.InvokeAsync<string>("StartCircuit", baseUri.ToString(), new Uri(baseUri, page).ToString(), "[]", "");
        var operations = string.Join(",", markers.Select((m, i) => $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{m}}}"));
        await session._connection.SendAsync("UpdateRootComponents", $"{{\"batchId\":1,\"operations\":[{operations}]}}", state);
        if (await Task.WhenAny(session._ready.Task, Task.Delay(timeout)) != session._ready.Task)
            throw new TimeoutException($"{page}: the circuit did not render the navigation toggle within {timeout.TotalSeconds:N0} s ({session.Error}).");
        await session._ready.Task;
        return session;
    }

    /// <summary>Clicks the navigation toggle; returns the time until the render batch that re-rendered it arrived.</summary>
    public async Task<TimeSpan> ClickToggleAsync(TimeSpan timeout)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _clickRendered, rendered);
        var handler = Interlocked.Read(ref _toggleHandlerId);
        var descriptor = $"{{\"eventHandlerId\":{handler},\"eventName\":\"click\",\"eventFieldInfo\":null}}";
        const string args = "{\"type\":\"click\",\"detail\":1,\"button\":0,\"buttons\":0,\"ctrlKey\":false,\"shiftKey\":false,\"altKey\":false,\"metaKey\":false}";
        var clock = Stopwatch.StartNew();
        await _connection.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref _callId).ToString(), null, "DispatchEventAsync",
            _interopObjectId, $"[{descriptor},{args}]");
        if (await Task.WhenAny(rendered.Task, Task.Delay(timeout)) != rendered.Task)
            throw new TimeoutException($"{Page}: no re-render within {timeout.TotalSeconds:N0} s of the click ({Error}).");
        return clock.Elapsed;
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var touchedToggle = false;
        try
        {
            var batch = new RenderBatch(data);
            if (Trace)
                Console.Error.WriteLine($"batch {batchId}: {data.Length} bytes, {batch.FrameCount} frames, diffs " +
                    string.Join(" ", batch.Diffs().Select(d => $"{d.ComponentId}:{d.Edits.Count}")) + "; elements " +
                    string.Join(" ", Enumerable.Range(0, batch.FrameCount).Where(i => batch.FrameType(i) == RenderBatch.Attribute).Take(40).Select(i => batch.AttributeName(i) + "=" + batch.AttributeValue(i) + "#" + batch.EventHandlerId(i))));
            foreach (var (componentId, edits) in batch.Diffs())
            {
                foreach (var (type, index) in edits)
                {
                    if (type == RenderBatch.PrependFrame)
                        FindToggle(batch, componentId, index);
                    else if (type == RenderBatch.SetAttribute && componentId == _toggleComponentId
                             && batch.AttributeName(index) == "onclick" && batch.EventHandlerId(index) != 0)
                        Interlocked.Exchange(ref _toggleHandlerId, batch.EventHandlerId(index));
                }
                touchedToggle |= componentId == _toggleComponentId;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
        {
            Fail("unreadable render batch: " + ex.Message);
        }
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        if (_toggleHandlerId != 0 && _interopObjectId >= 0)
            _ready.TrySetResult();
        if (touchedToggle)
            Interlocked.Exchange(ref _clickRendered, null)?.TrySetResult();
    }

    private void FindToggle(RenderBatch batch, int componentId, int first)
    {
        var type = batch.FrameType(first);
        var end = type is RenderBatch.Element or 5 ? first + batch.SubtreeLength(first) : first + 1;
        for (var i = first; i < end; i++)
        {
            if (batch.FrameType(i) != RenderBatch.Element)
                continue;
            long onclick = 0;
            var isToggle = false;
            for (var a = i + 1; a < end && batch.FrameType(a) == RenderBatch.Attribute; a++)
            {
                var name = batch.AttributeName(a);
                if (name == "onclick") onclick = batch.EventHandlerId(a);
                else if (name == "aria-label" && batch.AttributeValue(a) == "Toggle navigation") isToggle = true;
            }
            if (isToggle && onclick != 0)
            {
                _toggleComponentId = componentId;
                Interlocked.Exchange(ref _toggleHandlerId, onclick);
            }
        }
    }

    private async Task OnBeginInvokeJSAsync(long taskId, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        lock (SeenJsCalls) SeenJsCalls.Add(identifier);
        if (Trace)
            Console.Error.WriteLine($"js {taskId} {identifier} {argsJson} {resultType} {targetInstanceId}");
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            using var doc = JsonDocument.Parse(argsJson);
            _interopObjectId = doc.RootElement[1].GetProperty("__dotNetObject").GetInt64();
        }
        if (taskId == 0)
            return;
        // What a desktop browser would answer where the caller needs a value: a JS object handle, "not a narrow screen".
        var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}"
            : identifier == "Radzen.mediaQuery" ? "false" : "null";
        await _connection.SendAsync("EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,{result}]");
    }

    private void Fail(string message)
    {
        Error ??= message;
        _ready.TrySetException(new InvalidOperationException(message));
    }

    /// <summary>Ends the circuit on the server at once, as the client script does when a tab closes.</summary>
    public async Task CloseAsync(HttpClient http)
    {
        if (CircuitId is not null)
            await http.PostAsync("_blazor/disconnect", new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = CircuitId }));
        await _connection.DisposeAsync();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
