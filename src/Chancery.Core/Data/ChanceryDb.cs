using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Audit;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Documents;
using Chancery.Core.Persons;
using Chancery.Core.Posts;
using Chancery.Core.Protection;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chancery.Core.Data;

/// <summary>The one database context, for SQLite and PostgreSQL alike.</summary>
public sealed class ChanceryDb(DbContextOptions<ChanceryDb> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<ScreeningResult> ScreeningResults => Set<ScreeningResult>();

    public DbSet<ScreeningMatch> ScreeningMatches => Set<ScreeningMatch>();

    public DbSet<Watchlist> Watchlists => Set<Watchlist>();

    public DbSet<GateSettings> GateSettings => Set<GateSettings>();

    public DbSet<RegisteredDocument> RegisteredDocuments => Set<RegisteredDocument>();

    public DbSet<WatchlistEntry> WatchlistEntries => Set<WatchlistEntry>();

    public DbSet<WatchlistName> WatchlistNames => Set<WatchlistName>();

    public DbSet<WatchlistImport> WatchlistImports => Set<WatchlistImport>();

    public DbSet<DocumentStock> DocumentStocks => Set<DocumentStock>();

    public DbSet<SpoiledItem> SpoiledItems => Set<SpoiledItem>();

    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();

    public DbSet<Designation> Designations => Set<Designation>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<ApplicationDraft> ApplicationDrafts => Set<ApplicationDraft>();

    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();

    public DbSet<SubmittedApplication> SubmittedApplications => Set<SubmittedApplication>();

    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();

    public DbSet<AppointmentService> AppointmentServices => Set<AppointmentService>();

    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();

    public DbSet<ClosedDay> ClosedDays => Set<ClosedDay>();

    public DbSet<Slot> Slots => Set<Slot>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<BookingRequest> BookingRequests => Set<BookingRequest>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<BallotEntry> BallotEntries => Set<BallotEntry>();

    public DbSet<UsedChallenge> UsedChallenges => Set<UsedChallenge>();

    public DbSet<AbuseEvent> AbuseEvents => Set<AbuseEvent>();

    public DbSet<AddressBlock> AddressBlocks => Set<AddressBlock>();

    public DbSet<PaymentNotice> PaymentNotices => Set<PaymentNotice>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<SealingKey> SealingKeys => Set<SealingKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every instant is UTC; SQLite forgets the kind, so it is put back on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        // Passkeys as in Identity's schema version 3, whatever schema version the host configures.
        builder.Entity<IdentityUserPasskey<string>>(b =>
        {
            b.ToTable("AspNetUserPasskeys");
            b.HasKey(p => p.CredentialId);
            b.Property(p => p.CredentialId).HasMaxLength(1024);
            b.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
            b.OwnsOne(p => p.Data).ToJson();
        });
        builder.ApplyConfigurationsFromAssembly(typeof(ChanceryDb).Assembly);
        PersonalDataModel.Apply(builder);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
