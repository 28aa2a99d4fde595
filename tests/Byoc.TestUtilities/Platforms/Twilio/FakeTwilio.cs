using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// A local Twilio: a real REST API on 127.0.0.1 (<c>/2010-04-01/Accounts/{AccountSid}/…</c>, basic auth), users who text
/// or WhatsApp the account's numbers, and a webhook sender that posts their messages and the status callbacks signed
/// as Twilio signs them. Everything the application does is recorded with awaitable waits. See <c>Platforms/README.md</c>.
/// </summary>
public sealed partial class FakeTwilio : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly TwilioState _state;
    private readonly TwilioWebhookSender _sender;
    private readonly TwilioDelivery _delivery;
    private readonly HttpClient _http;
    private readonly TwilioTunnel _tunnel;

    private FakeTwilio(LoopbackServer server, TwilioState state, TwilioWebhookSender sender, TwilioDelivery delivery,
        HttpClient http, TwilioTunnel tunnel, PlatformFaults faults, TwilioRecordings recordings)
    {
        _server = server;
        _tunnel = tunnel;
        _state = state;
        _sender = sender;
        _delivery = delivery;
        _http = http;
        Faults = faults;
        Recordings = recordings;
    }

    /// <summary>The REST API's base address (in place of <c>https://api.twilio.com/</c>), for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The account SID: the basic-auth user name and the account in every path.</summary>
    public string AccountSid => _state.Options.AccountSid;

    /// <summary>The Auth Token: the basic-auth password and the key of every <c>X-Twilio-Signature</c>.</summary>
    public string AuthToken => _state.Options.AuthToken;

    /// <summary>The account's SMS number (E.164).</summary>
    public string PhoneNumber => _state.Options.PhoneNumber;

    /// <summary>The account's WhatsApp sender, <c>whatsapp:+E164</c>.</summary>
    public string WhatsAppAddress => "whatsapp:" + _state.Options.WhatsAppNumber;

    /// <summary>The account's Messaging Service, whose sender pool holds both numbers.</summary>
    public string MessagingServiceSid => _state.Options.MessagingServiceSid;

    /// <summary>The incoming-message webhook; settable at any time (connection-override fragments allowed).</summary>
    public Uri? WebhookUrl
    {
        get => _state.Options.WebhookUrl;
        set => _state.Options.WebhookUrl = value;
    }

    /// <summary>
    /// Routes every request the fake makes to <paramref name="publicBaseUrl"/> (webhooks, status callbacks, media
    /// fetches) to <paramref name="localBaseUrl"/>, as a tunnel in front of the application would; signatures still cover
    /// the public URL. For an application configured with a public base URL that is not its loopback address.
    /// </summary>
    public void RouteThroughTunnel(Uri publicBaseUrl, Uri localBaseUrl) => _tunnel.Map(publicBaseUrl, localBaseUrl);

    /// <summary>Faults for the REST API's next calls (operation <c>Messages</c> or <c>Typing</c>).</summary>
    public PlatformFaults Faults { get; }

    /// <summary>Messages users sent, as posted to the webhook.</summary>
    public Recording<TwilioInboundMessage> InboundMessages => Recordings.Inbound;

    /// <summary>Every webhook request the fake made (messages and status callbacks), including retries.</summary>
    public Recording<WebhookAttempt> WebhookAttempts => Recordings.WebhookAttempts;

    /// <summary>Messages the application created through the REST API, as created (status <c>queued</c> or <c>accepted</c>).</summary>
    public Recording<TwilioSentMessage> SentMessages => Recordings.Sent;

    /// <summary>Each status change of a sent message, with the message as it was after it.</summary>
    public Recording<TwilioSentMessage> StatusChanges => Recordings.Statuses;

    /// <summary>Every GET the fake made of a <c>MediaUrl</c>.</summary>
    public Recording<TwilioMediaFetch> MediaFetches => Recordings.MediaFetches;

    /// <summary>WhatsApp typing indicators the application sent.</summary>
    public Recording<TwilioTypingIndicator> TypingIndicators => Recordings.TypingIndicators;

    /// <summary>The Content API resources the application created (quick-reply buttons), in order.</summary>
    public Recording<TwilioContent> Contents => Recordings.Contents;

    private TwilioRecordings Recordings { get; }

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeTwilio> StartAsync(FakeTwilioOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeTwilioOptions();
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var tunnel = new TwilioTunnel(new SocketsHttpHandler { AllowAutoRedirect = false });
        var http = new HttpClient(tunnel) { Timeout = Timeout.InfiniteTimeSpan };
        var state = new TwilioState(options);
        var recordings = new TwilioRecordings();
        var sender = new TwilioWebhookSender(options, http, recordings.WebhookAttempts);
        var delivery = new TwilioDelivery(state, sender, http, recordings);
        var faults = new PlatformFaults();
        new TwilioRestApi(state, recordings, delivery, faults).Map(app);
        var server = await LoopbackServer.StartAsync(app, cancellationToken);
        return new FakeTwilio(server, state, sender, delivery, http, tunnel, faults, recordings);
    }

    /// <summary>
    /// The user <paramref name="from"/> (E.164) texts the account's number: an SMS, or an MMS when <paramref name="media"/>
    /// is given. STOP, START and HELP words change the user's opt-out as Twilio's default handling does.
    /// </summary>
    public Task<TwilioInboundMessage> SendSmsAsync(string from, string body, IReadOnlyList<TwilioMedia>? media = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Receive(TwilioInboundForm.Sms(_state, BaseAddress, from, body, media ?? [])));

    /// <summary>The WhatsApp user <paramref name="from"/> (<c>+E164</c> or <c>whatsapp:+E164</c>) writes, with optional media.</summary>
    public Task<TwilioInboundMessage> SendWhatsAppAsync(string from, string body, string profileName = "WhatsApp User",
        IReadOnlyList<TwilioMedia>? media = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Receive(TwilioInboundForm.WhatsApp(_state, BaseAddress, from, body, profileName, media ?? [], [])));

    /// <summary>The WhatsApp user taps a quick-reply button: Twilio posts <c>ButtonPayload</c> and <c>ButtonText</c>.</summary>
    public Task<TwilioInboundMessage> PressWhatsAppButtonAsync(string from, string payload, string text,
        string profileName = "WhatsApp User", CancellationToken cancellationToken = default) =>
        Task.FromResult(Receive(TwilioInboundForm.WhatsApp(_state, BaseAddress, from, text, profileName, [],
            [new("MessageType", "button"), new("ButtonPayload", payload), new("ButtonText", text)])));

    /// <summary>The WhatsApp user shares a location: <c>Latitude</c>, <c>Longitude</c> and, for a place, <c>Address</c>/<c>Label</c>.</summary>
    public Task<TwilioInboundMessage> SendWhatsAppLocationAsync(string from, double latitude, double longitude,
        string? address = null, string? label = null, string profileName = "WhatsApp User", CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string>> extra =
        [
            new("MessageType", "location"),
            new("Latitude", latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Longitude", longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        if (address is not null)
        {
            extra.Add(new("Address", address));
        }

        if (label is not null)
        {
            extra.Add(new("Label", label));
        }

        return Task.FromResult(Receive(TwilioInboundForm.WhatsApp(_state, BaseAddress, from, "", profileName, [], extra)));
    }

    /// <summary>
    /// Posts <paramref name="json"/> to <paramref name="url"/> as Twilio posts its JSON webhooks: the URL gains
    /// <c>bodySHA256</c> and the signature covers the URL only. Completes after the last attempt.
    /// </summary>
    public Task PostJsonWebhookAsync(Uri url, string json, CancellationToken cancellationToken = default) =>
        _sender.PostJsonAsync("json:" + _state.NewSid("EV"), url, json).WaitAsync(cancellationToken);

    /// <summary>The message as the fake holds it now (its latest status), or null for an unknown SID.</summary>
    public TwilioSentMessage? GetMessage(string messageSid)
    {
        lock (_state.Sync)
        {
            return _state.Sent.GetValueOrDefault(messageSid);
        }
    }

    /// <summary>
    /// Moves a sent message to <paramref name="status"/> (for example <c>read</c>, or <c>undelivered</c> with
    /// <paramref name="errorCode"/> 30003) and posts its status callback; completes after the callback's last attempt.
    /// </summary>
    public Task ReportStatusAsync(string messageSid, string status, int? errorCode = null, CancellationToken cancellationToken = default) =>
        _delivery.ReportAsync(messageSid, status, errorCode).WaitAsync(cancellationToken);

    /// <summary>Waits for the application's next message to <paramref name="to"/> that matches <paramref name="predicate"/> (any when null).</summary>
    public Task<TwilioSentMessage> WaitForMessageAsync(string to, Func<TwilioSentMessage, bool>? predicate = null,
        CancellationToken cancellationToken = default) =>
        SentMessages.WaitForAsync(message => message.To == to && (predicate?.Invoke(message) ?? true), cancellationToken);

    /// <summary>Waits until the message reached <paramref name="status"/> (its status callback, if any, has been attempted or is under way).</summary>
    public Task<TwilioSentMessage> WaitForStatusAsync(string messageSid, string status, CancellationToken cancellationToken = default) =>
        StatusChanges.WaitForAsync(message => message.Sid == messageSid && message.Status == status, cancellationToken);

    /// <summary>Waits for a WhatsApp typing indicator on the user's message.</summary>
    public Task<TwilioTypingIndicator> WaitForTypingIndicatorAsync(string messageId, CancellationToken cancellationToken = default) =>
        TypingIndicators.WaitForAsync(indicator => indicator.MessageId == messageId, cancellationToken);

    /// <summary>Waits until the webhook answered 2xx to the user's message.</summary>
    public Task<WebhookAttempt> WaitForDeliveryAsync(TwilioInboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WebhookAttempts.WaitForAsync(attempt => attempt.Id == message.MessageSid && attempt.Succeeded, cancellationToken);
    }

    /// <summary>Stops the webhook sender and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sender.StopAsync();
        await _delivery.DisposeAsync();
        await _sender.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private TwilioInboundMessage Receive(TwilioInboundMessage message)
    {
        var url = WebhookUrl ?? throw new InvalidOperationException("Set FakeTwilio.WebhookUrl (the number's \"A message comes in\" webhook) first.");
        InboundMessages.Add(message);
        _ = _sender.PostFormAsync(message.MessageSid, url, message.Parameters);
        return message;
    }
}
