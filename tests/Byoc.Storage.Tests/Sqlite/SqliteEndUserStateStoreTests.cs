using Byoc.Core.Storage;
using Byoc.Storage.Sqlite;

namespace Byoc.Storage.Tests.Sqlite;

public sealed class SqliteEndUserStateStoreTests : EndUserStateStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-enduserstate-").FullName;

    private protected override Task<IEndUserStateStore> CreateStoreAsync() =>
        Task.FromResult<IEndUserStateStore>(new SqliteEndUserStateStore(new SqliteDatabase(Path.Combine(_directory, "connector.db")), Time));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
