namespace Byoc.Emulator.Interactions;

/// <summary>Serves the download URLs of <see cref="AttachmentStore"/> on the instance listener.</summary>
internal static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AttachmentStore.DownloadPath, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string? ids, string? d, AttachmentStore store, CancellationToken cancellationToken)
    {
        if (ids is null || d is null || await store.OpenAsync(ids, d, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(found.Content, found.Attachment.MimeType, found.Attachment.Name);
    }
}
