using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Posts;
using Chancery.Core.Screening;
using Chancery.Core.Screening.Import;
using Chancery.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Two posts, one agent of every role, blank stock and a few cases in every state, all made
/// through the same operations staff use. Only for the local demonstration database.
/// </summary>
internal static class DemoData
{
    /// <summary>Known to anyone who reads this file: the demo must never hold real data.</summary>
    public const string Password = "Demo-Chancery-2026";

    // A national lookout list of invented people, so that screening has something to find in the demo.
    private const string DemoLookout = """
        id,surname,given_names,aliases,birth_dates,nationalities,reason
        DEMO-0001,PETROV,Ivan Sergeyevich,Иван Петров|PETROFF Ivan,1970|1971,RUS,Demonstration entry: forged Schengen visa presented in 2019
        DEMO-0002,AL-RASHID,Khalid,"RASHID, Khaled al|Khalid Rashid",~1975,SYR|JOR,Demonstration entry: identity fraud
        DEMO-0003,MÜLLER,Hans Peter,Hans-Peter Mueller,1962-04-30,DEU,Demonstration entry: stolen blank passports
        """;

    private static readonly (string User, string Name, Role Role)[] Staff =
    [
        ("clerk", "Camille Martin", Role.Clerk),
        ("clerk2", "Hugo Bernard", Role.Clerk),
        ("security", "Sofia Petit", Role.SecurityOfficer),
        ("adjudicator", "Louis Durand", Role.Adjudicator),
        ("printer", "Inès Leroy", Role.PrintOperator),
        ("consul", "Claire Moreau", Role.Consul),
        ("auditor", "Paul Simon", Role.Auditor),
        ("admin", "Nadia Laurent", Role.Administrator),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ChanceryDb>();
        if (await db.Posts.AnyAsync(ct))
            return;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        var london = new Post { Code = "LON", Name = "Consulat général à Londres", Country = "GBR", TimeZone = "Europe/London", Languages = "fr,en" };
        var dakar = new Post { Code = "DKR", Name = "Consulat général à Dakar", Country = "SEN", TimeZone = "Africa/Dakar", Languages = "fr" };
        db.Posts.AddRange(london, dakar);
        await db.SaveChangesAsync(ct);

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<Role>())
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        foreach (var (userName, name, role) in Staff)
        {
            var user = new StaffUser { UserName = userName, DisplayName = name, Email = $"{userName}@chancery.invalid", EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role.ToString()));
            // Every demo agent works for London; the second clerk only for Dakar, to show that posts are kept apart.
            foreach (var post in userName == "clerk2" ? [dakar] : userName == "consul" ? new[] { london, dakar } : [london])
            {
                db.Designations.Add(new Designation
                {
                    UserId = user.Id, PostId = post.Id, ValidFrom = today.AddDays(-1), ValidUntil = today.AddYears(1),
                    DesignatedBy = "demo", DesignatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (post, kind, prefix) in new[]
                 {
                     (london, StockKind.PassportBooklet, "LP"), (london, StockKind.PassportCard, "LC"), (london, StockKind.VisaSticker, "LV"),
                     (london, StockKind.BirthCertificateForm, "LN"), (dakar, StockKind.PassportBooklet, "DP"), (dakar, StockKind.VisaSticker, "DV"),
                 })
        {
            db.DocumentStocks.Add(DocumentStock.Receive(post.Id, kind, prefix, 1, 500, now, "demo"));
        }

        await db.SaveChangesAsync(ct);
        await SeedCasesAsync(services, ct);
        await SeedAppointmentsAsync(services, [london, dakar], ct);
    }

    private static async Task SeedCasesAsync(IServiceProvider services, CancellationToken ct)
    {
        var load = services.GetRequiredService<LoadActor>();
        var db = services.GetRequiredService<ChanceryDb>();
        async Task<Actor> As(string userName)
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
            return (await load.ForUserAsync(id, "127.0.0.1", ct))!;
        }

        var clerk = await As("clerk");
        var clerk2 = await As("clerk2");
        var adjudicator = await As("adjudicator");
        var printer = await As("printer");
        var consul = await As("consul");
        using (var lookout = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(DemoLookout)))
        {
            var imported = await services.GetRequiredService<ImportWatchlist>()
                .ExecuteAsync(WatchlistFormat.ChanceryCsv, lookout, "Demo national lookout", "demo-lookout.csv", "admin", null, ct);
            if (!imported.IsSuccess)
                throw new InvalidOperationException("Demo lookout list: " + imported.Error.Message);
        }

        var enter = services.GetRequiredService<EnterCase>();
        var perform = services.GetRequiredService<PerformCaseAction>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

        async Task<Guid> Enter(Actor who, string post, NewCase input)
        {
            input.PostCode = post;
            var created = await enter.ExecuteAsync(input, who, ct);
            return created.Value.Id;
        }

        async Task Step(Guid id, Actor who, CaseAction action, string? reason = null, bool passed = true)
        {
            var result = await perform.ExecuteAsync(id, new CaseCommand(action, reason, passed), who, ct);
            if (!result.IsSuccess)
                throw new InvalidOperationException($"Demo step {action} failed: {result.Error.Message}");
        }

        NewCase Passport(string surname, string given, string born, string sex) => new()
        {
            Kind = CaseKind.Passport,
            PassportFormat = PassportFormat.Booklet,
            Applicant = new NewPerson { Surname = surname, GivenNames = given, BirthDate = born, Sex = sex, Nationality = "FRA", PlaceOfBirth = "Lyon", Email = $"{surname.ToLowerInvariant()}@example.invalid" },
        };
        NewCase Visa(string surname, string given, string born, string sex, string nationality) => new()
        {
            Kind = CaseKind.Visa,
            Applicant = new NewPerson { Surname = surname, GivenNames = given, BirthDate = born, Sex = sex, Nationality = nationality },
            Visa = new NewVisa
            {
                Category = VisaCategory.C, Purpose = "Tourism", Entries = VisaEntries.Single,
                RequestedFrom = today.AddDays(30), RequestedUntil = today.AddDays(45), TravelDocumentNumber = "X" + surname.Length + "4820193", TravelDocumentState = nationality,
            },
        };

        // Entered: screened at once against the demo lookout list, clear, awaiting a decision.
        await Enter(clerk, "LON", Passport("Lefèvre", "Émilie Anne", "1988-03-14", "F"));
        await Enter(clerk2, "DKR", Visa("Diop", "Aminata", "1995-07-02", "F", "SEN"));
        await Enter(clerk, "LON", Visa("Smith", "John Albert", "1979-11-30", "M", "GBR"));
        // A hit waiting for the security officer: the name is on the demo lookout list.
        await Enter(clerk, "LON", Visa("Petrov", "Ivan", "1970", "M", "RUS"));
        // Approved, ready to print.
        var approved = await Enter(clerk, "LON", Passport("Garnier", "Lucas", "2001-05-21", "M"));
        await Step(approved, adjudicator, CaseAction.Approve);
        // Refused.
        var refused = await Enter(clerk, "LON", Visa("Novak", "Jan", "1990-01-01", "M", "CZE"));
        await Step(refused, adjudicator, CaseAction.Refuse, "Purpose of the stay not established");
        // Printed, issued, dispatched, delivered, closed, withdrawn, invalidated.
        var printed = await Enter(clerk, "LON", Passport("Rousseau", "Chloé", "1992-09-09", "F"));
        await Step(printed, adjudicator, CaseAction.Approve);
        await Step(printed, printer, CaseAction.Print);
        var issued = await Enter(clerk, "LON", Visa("Okafor", "Chidi", "1985-02-17", "M", "NGA"));
        await Step(issued, adjudicator, CaseAction.Approve);
        await Step(issued, printer, CaseAction.Print);
        await Step(issued, clerk, CaseAction.IssueInPerson);
        var delivered = await Enter(clerk, "LON", Passport("Fontaine", "Marc", "1966-12-01", "M"));
        await Step(delivered, adjudicator, CaseAction.Approve);
        await Step(delivered, printer, CaseAction.Print);
        await Step(delivered, clerk, CaseAction.Dispatch);
        await Step(delivered, clerk, CaseAction.Deliver);
        await Step(delivered, clerk, CaseAction.Close);
        var withdrawn = await Enter(clerk, "LON", Passport("Blanc", "Julie", "1999-04-04", "F"));
        await Step(withdrawn, clerk, CaseAction.Withdraw, "Applicant withdrew at the counter");
        var invalidated = await Enter(clerk, "LON", Passport("Mercier", "Anne", "1975-06-15", "F"));
        await Step(invalidated, adjudicator, CaseAction.Approve);
        await Step(invalidated, printer, CaseAction.Print);
        await Step(invalidated, clerk, CaseAction.IssueInPerson);
        await Step(invalidated, consul, CaseAction.Invalidate, "Reported stolen by the holder");
        var birth = new NewCase
        {
            Kind = CaseKind.BirthReport,
            Applicant = new NewPerson { Surname = "Martin", GivenNames = "Léa", BirthDate = today.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Sex = "F", Nationality = "FRA", PlaceOfBirth = "London" },
            Parents = [new NewPerson { Surname = "Martin", GivenNames = "Paul", BirthDate = "1987-08-08", Sex = "M", Nationality = "FRA" }],
        };
        await Enter(clerk, "LON", birth);

        // Submitted online by the applicant: the case page shows the answers step by step.
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var online = new ApplicationAnswers(new Dictionary<string, string>
        {
            ["postCode"] = "LON", ["category"] = "C", ["surname"] = "Eriksson", ["givenNames"] = "Anna Maria",
            ["birthDate"] = "1974-08-12", ["placeOfBirth"] = "Uppsala", ["countryOfBirth"] = "SWE", ["nationality"] = "SWE",
            ["sex"] = "F", ["civilStatus"] = "married", ["documentType"] = "ordinary", ["documentNumber"] = "AA1234567",
            ["documentIssuingState"] = "SWE", ["documentIssueDate"] = Day(-700), ["documentExpiryDate"] = Day(2900),
            ["documentIssuedBy"] = "Polisen", ["homeAddress"] = "Storgatan 1\n753 20 Uppsala", ["email"] = "anna.eriksson@example.invalid",
            ["phone"] = "+46 18 123 45 67", ["residesElsewhere"] = "no", ["occupation"] = "Engineer", ["purpose"] = "tourism",
            ["mainDestination"] = "FRA", ["firstEntry"] = "FRA", ["entries"] = "Single", ["arrivalDate"] = Day(30), ["departureDate"] = Day(44),
            ["fingerprintsBefore"] = "no", ["invitingName"] = "Hôtel du Louvre", ["invitingAddress"] = "Place André Malraux, 75001 Paris",
            ["costsCoveredBy"] = "applicant", ["meansOfSupport"] = "Cash, credit card",
        });
        var submitted = await services.GetRequiredService<SubmitApplication>()
            .ExecuteAsync(ApplicationForms.ShortStayVisa, online, "en", SubmitApplication.Applicant("127.0.0.1"), online: true, draftId: null, ct);
        if (!submitted.IsSuccess)
            throw new InvalidOperationException("Demo online application: " + submitted.Error.Message);
    }

    // Appointment services at both posts, open Monday to Friday 09:00-12:00 and 14:00-16:00, a closed day next
    // week, slots over the horizon and a first batch released, so the public pages offer slots at once.
    private static async Task SeedAppointmentsAsync(IServiceProvider services, Post[] posts, CancellationToken ct)
    {
        var db = services.GetRequiredService<ChanceryDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var created = new List<AppointmentService>();
        foreach (var post in posts)
        {
            foreach (var kind in post.Code == "LON" ? new[] { ServiceKind.Passport, ServiceKind.ShortStayVisa, ServiceKind.BirthReport } : [ServiceKind.Passport, ServiceKind.ShortStayVisa])
            {
                var service = new AppointmentService
                {
                    PostId = post.Id, Kind = kind, RequiresApplication = AppointmentService.RequiresApplicationByDefault(kind),
                    DurationMinutes = kind == ServiceKind.Passport ? 15 : 20, Counters = kind == ServiceKind.Passport ? 2 : 1,
                    FeeMinor = kind == ServiceKind.ShortStayVisa ? 9000 : null, ReleaseWindowsText = "08:00-12:00,14:00-18:00",
                };
                foreach (var day in weekdays)
                {
                    service.Hours.Add(new OpeningHours { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) });
                    service.Hours.Add(new OpeningHours { Day = day, Opens = new TimeOnly(14, 0), Closes = new TimeOnly(16, 0) });
                }

                db.AppointmentServices.Add(service);
                created.Add(service);
            }

            var closed = today.AddDays(7);
            while (closed.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                closed = closed.AddDays(1);
            db.ClosedDays.Add(new ClosedDay { PostId = post.Id, Date = closed, Reason = "Fermeture exceptionnelle (démonstration)" });
        }

        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<GenerateSlots>().ExecuteAsync(null, ct);
        var release = services.GetRequiredService<ReleaseSlots>();
        foreach (var service in created)
            await release.ReleaseNowAsync(service.Id, 40, ct);
    }

    public static async Task PrintSignInsAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<ChanceryDb>();
        var names = Staff.Select(s => s.User).ToList();
        var present = await db.Users.Where(u => names.Contains(u.UserName!)).Select(u => u.UserName).ToListAsync(ct);
        if (present.Count == 0)
            return;
        await output.WriteLineAsync("Demo staff sign-ins (password for all: " + Password + "):");
        foreach (var (user, name, role) in Staff.Where(s => present.Contains(s.User)))
            await output.WriteLineAsync($"  {user,-12} {role,-16} {name}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
