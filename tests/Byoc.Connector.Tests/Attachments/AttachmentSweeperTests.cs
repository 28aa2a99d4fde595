using Byoc.Connector.Attachments;
using Byoc.TestUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Attachments;

public sealed class AttachmentSweeperTests
{
    [Fact]
    public async Task Sweep_FilesPastRetention_DeletedWithTheirDescriptions_NewerKept()
    {
        using var attachments = new TestAttachments();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var old = new List<StoredFile>();
        for (var i = 0; i < 10; i++)
        {
            // Several, so that the listing reaches some descriptions after their files were deleted in the same sweep.
            old.Add(await SaveAsync(attachments, $"old-{i}.png"));
            File.SetLastWriteTimeUtc(Bin(attachments, old[^1]), time.GetUtcNow().UtcDateTime.AddDays(-31));
        }

        var recent = await SaveAsync(attachments, "recent.png");

        var deleted = Sweeper(attachments, time).Sweep();

        Assert.Equal(10, deleted);
        foreach (var file in old)
        {
            Assert.Null(await attachments.Files.FindAsync(file.Id, Ct));
            Assert.False(File.Exists(Path.ChangeExtension(Bin(attachments, file), ".json")));
        }

        Assert.NotNull(await attachments.Files.FindAsync(recent.Id, Ct));
    }

    [Fact]
    public void Sweep_LeftoversOfACrash_DeletedOnceAnHourOld()
    {
        using var attachments = new TestAttachments();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        Directory.CreateDirectory(attachments.Options.Directory);
        var part = Path.Combine(attachments.Options.Directory, "0123456789abcdef0123456789abcdef.part");
        var orphan = Path.Combine(attachments.Options.Directory, "fedcba9876543210fedcba9876543210.json");
        var foreign = Path.Combine(attachments.Options.Directory, "README.txt");
        foreach (var path in new[] { part, orphan, foreign })
        {
            File.WriteAllText(path, "x");
        }

        var sweeper = Sweeper(attachments, time);
        Assert.Equal(0, sweeper.Sweep());

        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(2, sweeper.Sweep());
        Assert.False(File.Exists(part));
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public async Task Worker_SweepsAtStartAndEveryHour()
    {
        using var attachments = new TestAttachments();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var first = await SaveAsync(attachments, "first.png");
        var second = await SaveAsync(attachments, "second.png");
        File.SetLastWriteTimeUtc(Bin(attachments, first), time.GetUtcNow().UtcDateTime.AddDays(-40));
        File.SetLastWriteTimeUtc(Bin(attachments, second), time.GetUtcNow().UtcDateTime.AddDays(-30).AddMinutes(30));
        using var sweeper = Sweeper(attachments, time);

        await sweeper.StartAsync(Ct);
        await WaitFor.ConditionAsync(() => !File.Exists(Bin(attachments, first)));
        Assert.True(File.Exists(Bin(attachments, second)));

        time.Advance(AttachmentSweeper.Interval);
        await WaitFor.ConditionAsync(() => !File.Exists(Bin(attachments, second)));
        await sweeper.StopAsync(Ct);
    }

    [Fact]
    public async Task Worker_RetentionZero_KeepsEverything()
    {
        using var attachments = new TestAttachments(configure: o => o.Retention = TimeSpan.Zero);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var file = await SaveAsync(attachments, "kept.png");
        File.SetLastWriteTimeUtc(Bin(attachments, file), time.GetUtcNow().UtcDateTime.AddYears(-1));
        using var sweeper = Sweeper(attachments, time);

        await sweeper.StartAsync(Ct);
        await sweeper.ExecuteTask!;
        time.Advance(TimeSpan.FromDays(1));

        Assert.True(File.Exists(Bin(attachments, file)));
        await sweeper.StopAsync(Ct);
    }

    private static AttachmentSweeper Sweeper(TestAttachments attachments, TimeProvider time) =>
        new(Microsoft.Extensions.Options.Options.Create(attachments.Options), time, NullLogger<AttachmentSweeper>.Instance);

    private static async Task<StoredFile> SaveAsync(TestAttachments attachments, string name)
    {
        using var content = new MemoryStream([1, 2, 3]);
        return (await attachments.Files.SaveAsync(name, "image/png", content, 1024, Ct))!;
    }

    private static string Bin(TestAttachments attachments, StoredFile file) => Path.Combine(attachments.Options.Directory, file.Id + ".bin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
