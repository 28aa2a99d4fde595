using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>
/// The fake's media endpoints, as the Cloud API's "Media" reference describes them: <c>GET /{version}/{media-id}</c>
/// answers <c>{messaging_product, url, mime_type, sha256, file_size, id}</c> with a short-lived URL (here on the fake's
/// own origin, standing in for lookaside.fbsbx.com) that needs the same bearer token, an unknown id is error 100
/// subcode 33 and a wrong token 190; <c>POST /{version}/{phone-number-id}/media</c> takes a multipart <c>file</c>, its
/// <c>type</c> and <c>messaging_product</c>, within Meta's size limit for the type, and answers <c>{id}</c>. Faults for
/// operation <c>media</c> answer the lookup with 500 and error 131000.
/// </summary>
internal sealed class MetaMediaApi(MetaState state, Recording<MetaMediaRequest> requests, PlatformFaults faults)
{
    private const long MegaByte = 1024 * 1024;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/{version}/{id}", Lookup);
        app.MapGet("/whatsapp_business/attachments/", Download);
        app.MapPost("/{version}/{phoneNumberId}/media", UploadAsync).DisableAntiforgery();
    }

    /// <summary>Meta's limit for a file of <paramref name="mimeType"/>, or null when the Cloud API does not take the type.</summary>
    public static long? Limit(string? mimeType) => mimeType switch
    {
        "image/jpeg" or "image/png" => 5 * MegaByte,
        "image/webp" => 500 * 1024,
        "video/mp4" or "video/3gpp" => 16 * MegaByte,
        "audio/aac" or "audio/amr" or "audio/mpeg" or "audio/mp4" or "audio/ogg" => 16 * MegaByte,
        "text/plain" or "application/pdf" or "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint"
            or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            or "application/vnd.openxmlformats-officedocument.presentationml.presentation" => 100 * MegaByte,
        _ => null,
    };

    private bool Authorized(HttpRequest request) => request.Headers.Authorization.ToString() == "Bearer " + state.Options.AccessToken;

    private IResult Lookup(HttpRequest request, string version, string id)
    {
        if (!Authorized(request))
        {
            requests.Add(new MetaMediaRequest("lookup", id, 401, false));
            return MetaGraphError.Create(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        if (id == state.Options.PhoneNumberId)
        {
            return Results.Json(new Dictionary<string, object>
            {
                ["verified_name"] = state.Options.VerifiedName,
                ["display_phone_number"] = state.Options.DisplayPhoneNumber,
                ["quality_rating"] = "GREEN",
                ["id"] = id,
            });
        }

        if (faults.TryTake("media", out var fault))
        {
            requests.Add(new MetaMediaRequest("lookup", id, fault.StatusCode, true));
            return MetaGraphError.Create(fault.StatusCode, 131000, "(#131000) Something went wrong");
        }

        MetaMedia? media;
        lock (state.Sync)
        {
            media = state.Media.GetValueOrDefault(id);
        }

        if (media is null)
        {
            requests.Add(new MetaMediaRequest("lookup", id, 400, true));
            return MetaGraphError.Create(400, 100, $"Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing "
                + "permissions, or does not support this operation.", "GraphMethodException", subcode: 33);
        }

        requests.Add(new MetaMediaRequest("lookup", id, 200, true));
        var url = new Uri(new Uri(request.Scheme + "://" + request.Host), "/whatsapp_business/attachments/?mid=" + Uri.EscapeDataString(id)
            + "&ext=" + (state.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() + 300).ToString(CultureInfo.InvariantCulture));
        return Results.Json(new Dictionary<string, string>
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = url.AbsoluteUri,
            ["mime_type"] = media.MimeType,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(media.Content)),
            ["file_size"] = media.Content.Length.ToString(CultureInfo.InvariantCulture),
            ["id"] = id,
        });
    }

    private IResult Download(HttpRequest request)
    {
        var id = request.Query["mid"].ToString();
        MetaMedia? media;
        lock (state.Sync)
        {
            media = state.Media.GetValueOrDefault(id);
        }

        // The media URL is useless without the token (Meta answers such a request with an error, not the file).
        var authorized = Authorized(request);
        var expired = !long.TryParse(request.Query["ext"], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            || state.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() > until;
        var status = !authorized ? 401 : media is null || expired ? 404 : 200;
        requests.Add(new MetaMediaRequest("download", id, status, authorized));
        return status == 200 ? Results.Bytes(media!.Content, media.MimeType) : Results.StatusCode(status);
    }

    private async Task<IResult> UploadAsync(HttpRequest request, string version, string phoneNumberId)
    {
        if (!Authorized(request))
        {
            requests.Add(new MetaMediaRequest("upload", null, 401, false));
            return MetaGraphError.Create(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        if (phoneNumberId != state.Options.PhoneNumberId || !request.HasFormContentType)
        {
            requests.Add(new MetaMediaRequest("upload", null, 400, true));
            return MetaGraphError.InvalidParameter("A media upload is a multipart form to /{phone-number-id}/media.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var type = form["type"].ToString();
        if (form["messaging_product"] != "whatsapp" || form.Files.GetFile("file") is not { } file)
        {
            requests.Add(new MetaMediaRequest("upload", null, 400, true));
            return MetaGraphError.InvalidParameter("messaging_product 'whatsapp', type and file are required.");
        }

        var limit = Limit(type);
        if (limit is null || file.Length > limit)
        {
            requests.Add(new MetaMediaRequest("upload", null, 400, true));
            return MetaGraphError.Create(400, 131053, "(#131053) Media upload error",
                details: limit is null ? $"Unsupported media type: {type}." : $"The file is larger than the {limit / MegaByte} MB limit for {type}.");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, request.HttpContext.RequestAborted);
        var id = state.NewMediaId();
        lock (state.Sync)
        {
            state.Media[id] = new MetaMedia(id, type, content.ToArray(), file.FileName, Uploaded: true);
        }

        requests.Add(new MetaMediaRequest("upload", id, 200, true));
        return Results.Json(new Dictionary<string, string> { ["id"] = id });
    }
}
