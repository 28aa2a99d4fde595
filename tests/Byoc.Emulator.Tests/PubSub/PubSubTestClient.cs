using System.Buffers.Binary;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Avro;
using Avro.Generic;
using Avro.IO;
using Byoc.Emulator.Tests.PubSub.Client;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Byoc.Emulator.Tests.PubSub;

/// <summary>A Pub/Sub API client written from the docs: its own proto, metadata headers, Avro decoding with the fetched schema.</summary>
internal sealed class PubSubTestClient : IDisposable
{
    public const string Topic = "/event/Byoc_Interaction__e";
    private readonly GrpcChannel _channel;
    private readonly global::Grpc.Core.Metadata _metadata;

    public PubSubTestClient(Uri address, string accessToken, string instanceUrl, string tenantId, string? caFile = null)
    {
        var handler = new SocketsHttpHandler();
        if (caFile is not null)
        {
            var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
            };
        }

        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        Client = new Client.PubSub.PubSubClient(_channel);
        _metadata = new global::Grpc.Core.Metadata { { "accesstoken", accessToken }, { "instanceurl", instanceUrl }, { "tenantid", tenantId } };
    }

    public Client.PubSub.PubSubClient Client { get; }

    public global::Grpc.Core.Metadata Metadata => _metadata;

    public static async Task<PubSubTestClient> CreateAsync(TestEmulator emulator) =>
        new(emulator.Addresses.PubSubUrl, await emulator.GetAccessTokenAsync(), emulator.Addresses.InstanceUrl.ToString(), emulator.Org.OrgId18,
            emulator.Addresses.PubSubTls ? Path.Combine(emulator.StateDirectory, "pubsub-ca.pem") : null);

    public AsyncDuplexStreamingCall<FetchRequest, FetchResponse> Subscribe() =>
        Client.Subscribe(_metadata, cancellationToken: TestContext.Current.CancellationToken);

    public async Task<RecordSchema> GetSchemaAsync(string schemaId)
    {
        var info = await Client.GetSchemaAsync(new SchemaRequest { SchemaId = schemaId }, _metadata, cancellationToken: TestContext.Current.CancellationToken);
        return (RecordSchema)Schema.Parse(info.SchemaJson);
    }

    /// <summary>Decodes an event and returns its Payload field's JSON.</summary>
    public static JsonObject DecodePayload(RecordSchema schema, ConsumerEvent consumerEvent, string payloadField = "Payload__c")
    {
        var record = Decode(schema, consumerEvent);
        return JsonNode.Parse((string)record[payloadField])!.AsObject();
    }

    public static GenericRecord Decode(RecordSchema schema, ConsumerEvent consumerEvent)
    {
        using var stream = new MemoryStream(consumerEvent.Event.Payload.ToByteArray());
        return new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));
    }

    public static long ReplayId(ByteString bytes) => BinaryPrimitives.ReadInt64BigEndian(bytes.Span);

    public static ByteString ReplayIdBytes(long replayId)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, replayId);
        return ByteString.CopyFrom(bytes);
    }

    public void Dispose() => _channel.Dispose();
}
