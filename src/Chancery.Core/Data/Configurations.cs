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
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Core.Data;

// Entity configurations sit together: each is a few lines, and the triggers in the migrations
// name these tables and columns, so they are easier to check side by side.
#pragma warning disable CA1812, SA1402 // Instantiated by ApplyConfigurationsFromAssembly.

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(8);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Country).HasMaxLength(3).IsFixedLength();
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.Languages).HasMaxLength(64);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Sex).HasMaxLength(1);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Ignore(c => c.Kind);
        b.Ignore(c => c.DecisionReason);
        b.HasDiscriminator<string>("CaseType")
            .HasValue<PassportCase>(nameof(CaseKind.Passport))
            .HasValue<VisaCase>(nameof(CaseKind.Visa))
            .HasValue<BirthReportCase>(nameof(CaseKind.BirthReport));
        b.Property("CaseType").HasMaxLength(16);
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.Reference).HasMaxLength(32);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.PostId, c.State });
        b.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Applicant).WithMany().HasForeignKey(c => c.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.EnteredBy).HasMaxLength(64);
        b.Property(c => c.ApprovedBy).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PassportCaseConfiguration : IEntityTypeConfiguration<PassportCase>
{
    public void Configure(EntityTypeBuilder<PassportCase> b) =>
        b.Property(c => c.Format).HasConversion<string>().HasMaxLength(16);
}

internal sealed class VisaCaseConfiguration : IEntityTypeConfiguration<VisaCase>
{
    public void Configure(EntityTypeBuilder<VisaCase> b)
    {
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(1);
        b.Property(c => c.Entries).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.TravelDocumentState).HasMaxLength(3);
    }
}

internal sealed class BirthReportCaseConfiguration : IEntityTypeConfiguration<BirthReportCase>
{
    public void Configure(EntityTypeBuilder<BirthReportCase> b)
    {
        b.HasOne(c => c.FirstParent).WithMany().HasForeignKey(c => c.FirstParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.SecondParent).WithMany().HasForeignKey(c => c.SecondParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.FromState).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ToState).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class ScreeningResultConfiguration : IEntityTypeConfiguration<ScreeningResult>
{
    public void Configure(EntityTypeBuilder<ScreeningResult> b)
    {
        b.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(8);
        b.Property(s => s.Resolution).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.ScreenedBy).HasMaxLength(64);
        b.Property(s => s.ResolvedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId);
        b.HasIndex(s => new { s.CaseId, s.ScreenedAt });
        b.Ignore(s => s.Passed);
        b.Property(s => s.ListVersions).HasMaxLength(1000);
        b.HasMany(s => s.Matches).WithOne().HasForeignKey(m => m.ScreeningResultId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(s => s.Matches).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScreeningMatchConfiguration : IEntityTypeConfiguration<ScreeningMatch>
{
    public void Configure(EntityTypeBuilder<ScreeningMatch> b)
    {
        b.Property(m => m.Source).HasMaxLength(16);
        b.Property(m => m.Subject).HasMaxLength(16);
        b.Property(m => m.ListName).HasMaxLength(120);
        b.Property(m => m.SourceId).HasMaxLength(64);
        b.Property(m => m.PrimaryName).HasMaxLength(500);
        b.Property(m => m.MatchedName).HasMaxLength(500);
        b.Property(m => m.MatchedKind).HasMaxLength(16);
        b.Property(m => m.ListedDetails).HasMaxLength(1000);
    }
}

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> b)
    {
        b.Property(w => w.Name).HasMaxLength(100);
        b.HasIndex(w => w.Name).IsUnique();
        b.Property(w => w.Format).HasMaxLength(16);
    }
}

internal sealed class WatchlistEntryConfiguration : IEntityTypeConfiguration<WatchlistEntry>
{
    public void Configure(EntityTypeBuilder<WatchlistEntry> b)
    {
        b.Property(e => e.SourceId).HasMaxLength(64);
        b.Property(e => e.PrimaryName).HasMaxLength(500);
        b.Property(e => e.BirthDates).HasMaxLength(500);
        b.Property(e => e.Nationalities).HasMaxLength(200);
        b.Property(e => e.DocumentNumbers).HasMaxLength(1000);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(e => e.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.WatchlistId, e.SourceId });
        b.HasMany(e => e.Names).WithOne().HasForeignKey(n => n.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Names).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class WatchlistNameConfiguration : IEntityTypeConfiguration<WatchlistName>
{
    public void Configure(EntityTypeBuilder<WatchlistName> b)
    {
        b.Property(n => n.Name).HasMaxLength(500);
        b.Property(n => n.Kind).HasMaxLength(16);
        b.Property(n => n.Quality).HasMaxLength(16);
    }
}

internal sealed class WatchlistImportConfiguration : IEntityTypeConfiguration<WatchlistImport>
{
    public void Configure(EntityTypeBuilder<WatchlistImport> b)
    {
        b.Property(i => i.ListName).HasMaxLength(100);
        b.Property(i => i.Format).HasMaxLength(16);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.ImportedBy).HasMaxLength(64);
        b.Property(i => i.Message).HasMaxLength(4000);
        b.HasIndex(i => new { i.ListName, i.StartedAt });
    }
}

internal sealed class RegisteredDocumentConfiguration : IEntityTypeConfiguration<RegisteredDocument>
{
    public void Configure(EntityTypeBuilder<RegisteredDocument> b)
    {
        // DocumentNumber and Reason are sealed (PersonalData); a keyed hash of state and number is unique.
        b.Property<string>(PersonalData.Stored(nameof(RegisteredDocument.IdentityKey))).HasColumnName(nameof(RegisteredDocument.IdentityKey)).HasMaxLength(24).IsRequired();
        b.HasIndex(PersonalData.Stored(nameof(RegisteredDocument.IdentityKey))).IsUnique();
        b.Property(d => d.IssuingState).HasMaxLength(3);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.Source).HasMaxLength(100);
    }
}

internal sealed class GateSettingsConfiguration : IEntityTypeConfiguration<GateSettings>
{
    public void Configure(EntityTypeBuilder<GateSettings> b)
    {
        b.Property(g => g.Id).ValueGeneratedNever();
        b.HasData(new GateSettings { Id = 1, ScreeningMaxAgeSeconds = 30 * 24 * 3600 });
    }
}

internal sealed class DocumentStockConfiguration : IEntityTypeConfiguration<DocumentStock>
{
    public void Configure(EntityTypeBuilder<DocumentStock> b)
    {
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Prefix).HasMaxLength(8);
        b.Property(s => s.ReceivedBy).HasMaxLength(64);
        b.Property(s => s.NextSerial).IsConcurrencyToken();
        b.HasOne<Post>().WithMany().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.PostId, s.Kind });
        b.Ignore(s => s.Remaining);
    }
}

internal sealed class SpoiledItemConfiguration : IEntityTypeConfiguration<SpoiledItem>
{
    public void Configure(EntityTypeBuilder<SpoiledItem> b)
    {
        b.Property(s => s.DocumentNumber).HasMaxLength(9);
        b.HasIndex(s => s.DocumentNumber).IsUnique();
        b.Property(s => s.Reason).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(64);
        b.HasOne<DocumentStock>().WithMany().HasForeignKey(s => s.StockId);
    }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        // DocumentNumber, Mrz and VoidReason are sealed (PersonalData); a keyed hash of the number is unique.
        b.Property<string>(PersonalData.Stored(nameof(IssuedDocument.NumberKey))).HasColumnName(nameof(IssuedDocument.NumberKey)).HasMaxLength(24).IsRequired();
        b.HasIndex(PersonalData.Stored(nameof(IssuedDocument.NumberKey))).IsUnique();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.PrintedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DocumentStock>().WithMany().HasForeignKey(d => d.StockId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ScreeningResult>().WithMany().HasForeignKey(d => d.ScreeningResultId).OnDelete(DeleteBehavior.Restrict);
        // At most one live document per case: a reprint voids the old one first.
        b.HasIndex(d => d.CaseId).IsUnique().HasFilter("\"Status\" = 'Printed'").HasDatabaseName("IX_IssuedDocuments_CaseId_Live");
    }
}

internal sealed class DesignationConfiguration : IEntityTypeConfiguration<Designation>
{
    public void Configure(EntityTypeBuilder<Designation> b)
    {
        b.Property(d => d.UserId).HasMaxLength(64);
        b.Property(d => d.DesignatedBy).HasMaxLength(64);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.UserId);
        b.HasOne<Post>().WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.UserId, d.PostId });
    }
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.KeyPrefix).HasMaxLength(16);
        b.HasIndex(c => c.KeyPrefix).IsUnique();
        b.Property(c => c.KeyHash).HasMaxLength(64);
        b.Property(c => c.Roles).HasMaxLength(200);
        b.Property(c => c.PostCodes).HasMaxLength(500);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(r => r.ClientId).HasMaxLength(64);
        b.Property(r => r.Key).HasMaxLength(128);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.Location).HasMaxLength(200);
        b.HasIndex(r => new { r.ClientId, r.Key }).IsUnique();
    }
}

internal sealed class ApplicationDraftConfiguration : IEntityTypeConfiguration<ApplicationDraft>
{
    public void Configure(EntityTypeBuilder<ApplicationDraft> b)
    {
        b.Property(d => d.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Language).HasMaxLength(2);
        b.Property(d => d.AccessKeyHash).HasMaxLength(64);
        b.Property(d => d.ResumeTokenHash).HasMaxLength(64);
        b.Property(d => d.ResumeCodeHash).HasMaxLength(64);
        b.HasIndex(d => d.ResumeTokenHash).IsUnique();
        b.HasIndex(d => d.ExpiresAt);
        b.Ignore(d => d.Answers);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.Property(d => d.Slot).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.ContentType).HasMaxLength(32);
        b.Property(d => d.StoredName).HasMaxLength(64);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.HasIndex(d => d.DraftId);
        b.HasIndex(d => d.CaseId);
        b.HasOne<ApplicationDraft>().WithMany().HasForeignKey(d => d.DraftId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubmittedApplicationConfiguration : IEntityTypeConfiguration<SubmittedApplication>
{
    public void Configure(EntityTypeBuilder<SubmittedApplication> b)
    {
        b.HasKey(a => a.CaseId);
        b.HasOne<Case>().WithOne().HasForeignKey<SubmittedApplication>(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Language).HasMaxLength(2);
        b.Property(a => a.Channel).HasMaxLength(80);
        b.Ignore(a => a.Answers);
    }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.TokenHash).IsUnique();
        b.HasIndex(r => r.CaseId);
        b.Property(r => r.Fields).HasMaxLength(2000);
        b.Property(r => r.TokenHash).HasMaxLength(64);
        b.Property(r => r.RequestedBy).HasMaxLength(64);
        b.Ignore(r => r.FieldNames);
    }
}

internal sealed class AppointmentServiceConfiguration : IEntityTypeConfiguration<AppointmentService>
{
    public void Configure(EntityTypeBuilder<AppointmentService> b)
    {
        b.HasOne<Post>().WithMany().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.PostId, s.Kind }).IsUnique();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.Rescheduling).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Release).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.ReleaseWindowsText).HasMaxLength(200);
        b.HasMany(s => s.Hours).WithOne().HasForeignKey(h => h.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClosedDayConfiguration : IEntityTypeConfiguration<ClosedDay>
{
    public void Configure(EntityTypeBuilder<ClosedDay> b)
    {
        b.HasOne<Post>().WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.PostId, d.Date }).IsUnique();
        b.Property(d => d.Reason).HasMaxLength(200);
    }
}

internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> b)
    {
        b.HasOne<AppointmentService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ballot>().WithMany().HasForeignKey(s => s.BallotId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(s => new { s.ServiceId, s.StartsAt, s.Counter }).IsUnique();
        b.HasIndex(s => new { s.ServiceId, s.State, s.StartsAt });
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.HasOne<AppointmentService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Slot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.ApplicationCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Reference).IsUnique();
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.IssuingState).HasMaxLength(3);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.ManageTokenHash).HasMaxLength(64);
        b.Property(x => x.CreatedFromAddress).HasMaxLength(45);
        b.Property(x => x.PaymentReference).HasMaxLength(100);
        b.Property(x => x.Flag).HasMaxLength(200);
        b.Property(x => x.CheckedInBy).HasMaxLength(200);
        b.Ignore(x => x.Identity);
        // NULLs are distinct in both databases: the indexes bind only active bookings.
        b.Ignore(x => x.ActiveIdentityKey);
        b.Property<string>(PersonalData.Stored(nameof(Booking.ActiveIdentityKey))).HasColumnName(nameof(Booking.ActiveIdentityKey)).HasMaxLength(24);
        b.HasIndex(nameof(Booking.ServiceId), PersonalData.Stored(nameof(Booking.ActiveIdentityKey))).IsUnique();
        b.HasIndex(x => x.ActiveSlotId).IsUnique();
        b.HasIndex(x => x.ManageTokenHash).IsUnique();
        b.HasIndex(x => new { x.PostId, x.StartsAt });
    }
}

internal sealed class BookingRequestConfiguration : IEntityTypeConfiguration<BookingRequest>
{
    public void Configure(EntityTypeBuilder<BookingRequest> b)
    {
        b.HasIndex(r => r.TokenHash).IsUnique();
        b.HasIndex(r => r.ExpiresAt);
        b.Property(r => r.TokenHash).HasMaxLength(64);
        b.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.IssuingState).HasMaxLength(3);
        b.Property(r => r.Language).HasMaxLength(2);
        b.Property(r => r.CodeHash).HasMaxLength(64);
        b.Property(r => r.FromAddress).HasMaxLength(45);
        b.Ignore(r => r.Identity);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.HasOne<AppointmentService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Commitment).HasMaxLength(64);
        b.Property(x => x.Seed).HasMaxLength(64);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class BallotEntryConfiguration : IEntityTypeConfiguration<BallotEntry>
{
    public void Configure(EntityTypeBuilder<BallotEntry> b)
    {
        b.HasOne<Ballot>().WithMany().HasForeignKey(e => e.BallotId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.IdentityKey);
        b.Property<string>(PersonalData.Stored(nameof(BallotEntry.IdentityKey))).HasColumnName(nameof(BallotEntry.IdentityKey)).HasMaxLength(24).IsRequired();
        b.HasIndex(nameof(BallotEntry.BallotId), PersonalData.Stored(nameof(BallotEntry.IdentityKey))).IsUnique();
        b.HasIndex(e => e.RegistrationId).IsUnique();
        b.HasIndex(e => e.ManageTokenHash).IsUnique();
        b.Property(e => e.RegistrationId).HasMaxLength(32);
        b.Property(e => e.IssuingState).HasMaxLength(3);
        b.Property(e => e.Language).HasMaxLength(2);
        b.Property(e => e.ManageTokenHash).HasMaxLength(64);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        b.Ignore(e => e.Identity);
    }
}

internal sealed class UsedChallengeConfiguration : IEntityTypeConfiguration<UsedChallenge>
{
    public void Configure(EntityTypeBuilder<UsedChallenge> b)
    {
        b.Property(c => c.Id).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresAt);
    }
}

internal sealed class AbuseEventConfiguration : IEntityTypeConfiguration<AbuseEvent>
{
    public void Configure(EntityTypeBuilder<AbuseEvent> b)
    {
        b.Property(e => e.Address).HasMaxLength(45);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.IdentityKey).HasMaxLength(24);
        b.Property(e => e.EmailDomain).HasMaxLength(254);
        b.HasIndex(e => new { e.Address, e.At });
        b.HasIndex(e => e.At);
    }
}

internal sealed class AddressBlockConfiguration : IEntityTypeConfiguration<AddressBlock>
{
    public void Configure(EntityTypeBuilder<AddressBlock> b)
    {
        b.Property(x => x.Address).HasMaxLength(45);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.LiftedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.Address, x.Until });
    }
}

internal sealed class PaymentNoticeConfiguration : IEntityTypeConfiguration<PaymentNotice>
{
    public void Configure(EntityTypeBuilder<PaymentNotice> b)
    {
        b.HasKey(n => n.EventId);
        b.Property(n => n.EventId).HasMaxLength(100);
        b.Property(n => n.BookingReference).HasMaxLength(16);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).ValueGeneratedNever();
        b.Property(e => e.ActorKind).HasMaxLength(16);
        b.Property(e => e.ActorId).HasMaxLength(128);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Component).HasMaxLength(128);
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.RecordType).HasMaxLength(32);
        b.Property(e => e.RecordId).HasMaxLength(64);
        b.Property(e => e.SubjectType).HasMaxLength(32);
        b.Property(e => e.SubjectId).HasMaxLength(64);
        b.Property(e => e.Fields).HasMaxLength(1000);
        b.Property(e => e.Address).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.LeafHash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(e => new { e.ActorId, e.At });
        b.HasIndex(e => new { e.Component, e.At });
        b.HasIndex(e => new { e.SubjectType, e.SubjectId });
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.HasKey(c => c.TreeSize);
        b.Property(c => c.TreeSize).ValueGeneratedNever();
        b.Property(c => c.RootHash).HasMaxLength(64).IsFixedLength();
        b.Property(c => c.KeyId).HasMaxLength(64);
        b.Property(c => c.Signature).HasMaxLength(512);
    }
}

internal sealed class SealingKeyConfiguration : IEntityTypeConfiguration<SealingKey>
{
    public void Configure(EntityTypeBuilder<SealingKey> b)
    {
        b.HasIndex(k => new { k.Purpose, k.Version }).IsUnique();
        b.Property(k => k.Purpose).HasMaxLength(64);
        b.Property(k => k.WrappedKey).HasMaxLength(512);
        b.Property(k => k.MasterKeyId).HasMaxLength(64);
    }
}
