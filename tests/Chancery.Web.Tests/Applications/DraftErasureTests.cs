using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Applications;

// The hourly job: a draft is erased 30 days after it was started, with its uploaded files; younger drafts stay.
public abstract class DraftErasureTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Erase_DraftOlderThan30Days_IsGoneWithItsFiles_AndAYoungerOneStays()
    {
        var (old, oldFile) = await CreateDraftWithPhotoAsync();
        App.Clock.Advance(TimeSpan.FromDays(29));
        var (young, youngFile) = await CreateDraftWithPhotoAsync();
        App.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var erased = await App.WithServicesAsync(sp => sp.GetRequiredService<EraseExpiredDrafts>().ExecuteAsync(CancellationToken.None));

        Assert.True(erased >= 1);
        Assert.False(await App.WithDbAsync(db => db.ApplicationDrafts.AnyAsync(d => d.Id == old)));
        Assert.False(await App.WithDbAsync(db => db.ApplicationDocuments.AnyAsync(d => d.DraftId == old)));
        Assert.False(File.Exists(Path.Combine(App.UploadDirectory, oldFile)));
        Assert.True(await App.WithDbAsync(db => db.ApplicationDrafts.AnyAsync(d => d.Id == young)));
        Assert.True(File.Exists(Path.Combine(App.UploadDirectory, youngFile)));

        // Run again (or by a second instance at once): nothing more to do, no error.
        await App.WithServicesAsync(sp => sp.GetRequiredService<EraseExpiredDrafts>().ExecuteAsync(CancellationToken.None));
        Assert.True(await App.WithDbAsync(db => db.ApplicationDrafts.AnyAsync(d => d.Id == young)));
    }

    private Task<(Guid Draft, string File)> CreateDraftWithPhotoAsync() => App.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<ChanceryDb>();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var draft = new ApplicationDraft
        {
            Form = ApplicationForm.ShortStayVisa, Language = "fr", AccessKeyHash = Secrets.Hash(Secrets.NewToken()),
            CreatedAt = now, UpdatedAt = now, ExpiresAt = now + ApplicationDraft.Lifetime,
        };
        db.ApplicationDrafts.Add(draft);
        var png = TestPng.Create(600, 800);
        var stored = await sp.GetRequiredService<UploadStore>().SaveAsync(png, ".png", CancellationToken.None);
        db.ApplicationDocuments.Add(new ApplicationDocument
        {
            DraftId = draft.Id, Slot = UploadSlot.Photo, ContentType = "image/png", Length = png.Length, Width = 600, Height = 800,
            StoredName = stored, Sha256 = Secrets.Hash(stored), UploadedAt = now,
        });
        await db.SaveChangesAsync();
        return (draft.Id, stored);
    });
}

public sealed class DraftErasureTestsSqlite(SqliteAppFixture fixture) : DraftErasureTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class DraftErasureTestsPostgres(PostgresAppFixture fixture) : DraftErasureTests(fixture), IClassFixture<PostgresAppFixture>;
