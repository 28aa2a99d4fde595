using Byoc.TestUtilities.Platforms.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Byoc.Platforms.Tests.Telegram;

/// <summary>The official <c>Telegram.Bot</c> client against the fake's files: getFile and the download, sendPhoto and sendDocument.</summary>
public sealed class TelegramBotClientFileTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetFileAndDownload_AUsersPhoto_ReturnTheBytesTheUserSent()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var bot = Client(telegram);
        var update = await telegram.SendPhotoAsync(77, TestImages.Png, "my receipt", Ct);
        var photo = System.Text.Json.JsonSerializer.Deserialize<Update>(update.Json, JsonBotAPI.Options)!.Message!.Photo!.Last();

        var file = await bot.GetFile(photo.FileId, Ct).WaitAsync(s_timeout, Ct);
        using var downloaded = new MemoryStream();
        await bot.DownloadFile(file.FilePath!, downloaded, Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal(TestImages.Png, downloaded.ToArray());
        Assert.Equal(TestImages.Png.Length, file.FileSize);
        Assert.Equal(1, photo.Width);
    }

    [Fact]
    public async Task GetFile_UnknownFileId_ThrowsInvalidFileId()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(telegram).GetFile("nope", Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal("Bad Request: invalid file_id", error.Message);
    }

    [Fact]
    public async Task SendPhoto_ByUpload_StoresTheImageAndAnswersPhotoSizes()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        using var image = new MemoryStream(TestImages.Png);

        var sent = await Client(telegram).SendPhoto(user.Id, InputFile.FromStream(image, "receipt.png"), caption: "Your receipt",
            cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var recorded = await telegram.WaitForMessageAsync(user.Id, cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal("Your receipt", sent.Caption);
        Assert.Equal(1, sent.Photo!.Single().Height);
        Assert.Equal("upload", recorded.File!.Source);
        Assert.Equal("receipt.png", recorded.File.FileName);
        Assert.Equal(TestImages.Png, recorded.File.Content);
    }

    [Fact]
    public async Task SendPhoto_NotAnImage_ThrowsImageProcessFailed()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        using var notImage = new MemoryStream("plain text"u8.ToArray());

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(telegram)
            .SendPhoto(user.Id, InputFile.FromStream(notImage, "a.txt"), cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal("Bad Request: IMAGE_PROCESS_FAILED", error.Message);
    }

    [Fact]
    public async Task SendDocument_ByUrl_TheFakeFetchesItLikeTelegram()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        await using var files = await StaticFiles.StartAsync("/files/report.pdf", "%PDF-1.4 test"u8.ToArray(), "application/pdf", Ct);
        var user = telegram.AddUser("Ada");

        var sent = await Client(telegram).SendDocument(user.Id, InputFile.FromUri(files.Url), cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var recorded = await telegram.WaitForMessageAsync(user.Id, cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal("report.pdf", sent.Document!.FileName);
        Assert.Equal("url", recorded.File!.Source);
        Assert.Equal("%PDF-1.4 test"u8.ToArray(), recorded.File.Content);
    }

    [Fact]
    public async Task SendDocument_ByUrlOfAnUnsupportedType_IsRefused()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        await using var files = await StaticFiles.StartAsync("/files/notes.txt", "notes"u8.ToArray(), "text/plain", Ct);
        var user = telegram.AddUser("Ada");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(telegram)
            .SendDocument(user.Id, InputFile.FromUri(files.Url), cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(400, error.ErrorCode);
    }

    private static TelegramBotClient Client(FakeTelegram telegram) => TelegramClients.For(telegram);
}
