using Chancery.Core.Cases;
using Chancery.Core.Staff;

namespace Chancery.Web.Security;

/// <summary>
/// The one table of who may use which route: every Razor page (by route and, where handlers differ in who may
/// act, by handler) and every endpoint (by method and route pattern), with the roles allowed and whether the
/// records it reaches are those of the actor's posts (designations active today) or not tied to a post.
/// Public routes are listed too, so that a route missing here is refused (<see cref="AccessMatrixEnforcement"/>)
/// and fails <c>RouteMatrixTests</c>. Finer checks (which case step, which post's record) stay with the page
/// or operation; a record of another post answers 404 there.
/// </summary>
internal static class AccessMatrix
{
    public const string AnyMethod = "*";

    public static readonly IReadOnlySet<Role> AnyRole = Enum.GetValues<Role>().ToHashSet();

    private static readonly IReadOnlySet<Role> None = new HashSet<Role>();

    /// <summary>Roles that take at least one step of a case (the auditor reads, never acts).</summary>
    public static readonly IReadOnlySet<Role> CaseActors =
        Enum.GetValues<CaseAction>().Select(CasePermissions.RoleFor).ToHashSet();

    public static readonly IReadOnlySet<Role> CaseEntrants = new HashSet<Role> { Role.Clerk };

    /// <summary>Who may ask an applicant to correct an online application (CorrectApplication checks it again).</summary>
    public static readonly IReadOnlySet<Role> CorrectionAskers = new HashSet<Role> { Role.Clerk, Role.Adjudicator, Role.Consul };

    public static readonly IReadOnlySet<Role> HitReaders = new HashSet<Role> { Role.SecurityOfficer, Role.Consul, Role.Auditor };

    public static readonly IReadOnlySet<Role> WatchlistReaders = new HashSet<Role> { Role.SecurityOfficer, Role.Administrator, Role.Auditor };

    /// <summary>Who reads the audit log (docs/audit.md).</summary>
    public static readonly IReadOnlySet<Role> AuditReaders = new HashSet<Role> { Role.Auditor, Role.Administrator };

    public static readonly IReadOnlySet<Role> Designators = new HashSet<Role> { Role.Consul };

    public static readonly IReadOnlySet<Role> AccountAdministrators = new HashSet<Role> { Role.Administrator };

    public static readonly IReadOnlySet<Role> StockReceivers = new HashSet<Role> { Role.PrintOperator, Role.Administrator };

    public static readonly IReadOnlySet<Role> StockSpoilers = new HashSet<Role> { Role.PrintOperator };

    public static readonly IReadOnlySet<Role> PrintOperators = new HashSet<Role> { Role.PrintOperator };

    public static readonly IReadOnlySet<Role> Screeners = new HashSet<Role> { Role.SecurityOfficer };

    public static readonly IReadOnlySet<Role> DocumentRegistrars = new HashSet<Role> { Role.SecurityOfficer, Role.Consul };

    /// <summary>The appointments home lists what each of these may do there.</summary>
    public static readonly IReadOnlySet<Role> AppointmentStaff =
        AppointmentPermissions.CalendarManagers.Union(AppointmentPermissions.CheckInAgents).Union(AppointmentPermissions.DashboardReaders).ToHashSet();

    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        // Applicants and the public: no account, no roles.
        Public("GET", ""), Public("GET", "Index"), Public("GET", "docs"),
        Public("GET", "Error"), Public("POST", "Error"), Public("GET", "StatusCode/{code:int}"), Public("POST", "StatusCode/{code:int}"),
        Public("GET", "demande"), Public("POST", "demande"),
        Public("GET", "demande/etape/{step}"), Public("POST", "demande/etape/{step}"),
        Public("GET", "demande/documents/{handler?}"),
        Public("POST", "demande/documents/{handler?}", "Upload"), Public("POST", "demande/documents/{handler?}", "Delete"), Public("POST", "demande/documents/{handler?}", "Continue"),
        Public("GET", "demande/verifier"),
        Public("GET", "demande/declaration"), Public("POST", "demande/declaration"),
        Public("GET", "demande/recu"), Public("GET", "demande/recu/impression.css"),
        Public("GET", "demande/expiree"),
        Public("GET", "demande/sauvegarder"), Public("POST", "demande/sauvegarder"),
        Public("GET", "demande/reprendre/{token}"), Public("POST", "demande/reprendre/{token}", "Send"), Public("POST", "demande/reprendre/{token}", "Code"),
        Public("GET", "demande/correction/{token}"), Public("POST", "demande/correction/{token}"),
        Public("GET", "suivi"), Public("POST", "suivi"),
        Public("GET", "rendez-vous"),
        Public("GET", "rendez-vous/identite"), Public("POST", "rendez-vous/identite"),
        Public("GET", "rendez-vous/code/{token}"), Public("POST", "rendez-vous/code/{token}"),
        Public("GET", "rendez-vous/creneau/{token}"), Public("POST", "rendez-vous/creneau/{token}"),
        Public("GET", "rendez-vous/gerer/{token?}"),
        Public("GET", "rendez-vous/gerer/{token}/deplacer"), Public("POST", "rendez-vous/gerer/{token}/deplacer"),
        Public("GET", "rendez-vous/gerer/{token}/annuler"), Public("POST", "rendez-vous/gerer/{token}/annuler"),
        Public("GET", "rendez-vous/tirages/{id:int}"), Public("GET", "rendez-vous/tirages/{id:int}/tirage.json"),
        Public("GET", "rendez-vous/tirages/inscrit/{registrationId}"),
        Public("GET", "rendez-vous/tirages/confirmer/{token}"), Public("POST", "rendez-vous/tirages/confirmer/{token}"),
        Public("GET", "rendez-vous/defi/{action}"),
        // Signed by the payment provider, checked in PaymentsApi.
        Public("POST", "api/v1/payments/notifications"),
        Public("GET", "openapi/{documentName}.json"),
        Public(AnyMethod, "health/live"), Public(AnyMethod, "health/ready"),

        // Staff sign-in and the pages every signed-in agent reaches.
        // The second step of sign-in and the enrolment of a first factor run before the session exists.
        Public("GET", "staff/signin"), Public("POST", "staff/signin"),
        Public("POST", "staff/signin", "PasskeyOptions"), Public("POST", "staff/signin", "Passkey"),
        Public("GET", "staff/signin/code"), Public("POST", "staff/signin/code"),
        Public("GET", "staff/compte/activation"), Public("POST", "staff/compte/activation"),
        // An agent's own sign-in factors; administrators disable accounts and reset their factors.
        new("GET", "staff/compte", AccessScope.SignedIn, None),
        new("POST", "staff/compte", AccessScope.SignedIn, None, "RecoveryCodes"), new("POST", "staff/compte", AccessScope.SignedIn, None, "Reset"),
        new("GET", "staff/compte/cles", AccessScope.SignedIn, None),
        new("POST", "staff/compte/cles", AccessScope.SignedIn, None, "CreationOptions"), new("POST", "staff/compte/cles", AccessScope.SignedIn, None, "Add"),
        new("POST", "staff/compte/cles", AccessScope.SignedIn, None, "RequestOptions"), new("POST", "staff/compte/cles", AccessScope.SignedIn, None, "Confirm"),
        new("POST", "staff/compte/cles", AccessScope.SignedIn, None, "Remove"),
        new("GET", "staff/comptes", AccessScope.Global, AccountAdministrators),
        new("POST", "staff/comptes", AccessScope.Global, AccountAdministrators, "Disable"), new("POST", "staff/comptes", AccessScope.Global, AccountAdministrators, "Enable"),
        new("POST", "staff/comptes", AccessScope.Global, AccountAdministrators, "Reset"),
        new("GET", "staff/signout", AccessScope.SignedIn, None), new("POST", "staff/signout", AccessScope.SignedIn, None),
        new("GET", "staff/denied", AccessScope.SignedIn, None),
        new("GET", "staff", AccessScope.Post, AnyRole),

        // Cases: the list shows only what the roles read; a case of another post is 404.
        new("GET", "staff/cases", AccessScope.Post, AnyRole),
        new("GET", "staff/cases/new", AccessScope.Post, CaseEntrants), new("POST", "staff/cases/new", AccessScope.Post, CaseEntrants),
        new("GET", "staff/cases/{id:guid}", AccessScope.Post, CasePermissions.CaseReaders),
        new("POST", "staff/cases/{id:guid}", AccessScope.Post, CaseActors),
        new("GET", "staff/cases/{id:guid}/document", AccessScope.Post, CasePermissions.CaseReaders),
        new("GET", "staff/cases/{id:guid}/documents/{documentId:guid}", AccessScope.Post, CasePermissions.CaseReaders),
        new("GET", "staff/cases/{id:guid}/correction", AccessScope.Post, CorrectionAskers),
        new("POST", "staff/cases/{id:guid}/correction", AccessScope.Post, CorrectionAskers),
        new("GET", "staff/screening/hits", AccessScope.Post, HitReaders),
        new("GET", "staff/watchlists", AccessScope.Global, WatchlistReaders),
        new("GET", "staff/audit", AccessScope.Global, AuditReaders),

        // Stock: counts of blanks, no personal data; recording is for print operators (and administrators receive).
        new("GET", "staff/stock", AccessScope.Post, AnyRole),
        new("POST", "staff/stock", AccessScope.Post, StockReceivers, "Receive"),
        new("POST", "staff/stock", AccessScope.Post, StockSpoilers, "Spoil"),

        new("GET", "staff/designations", AccessScope.Post, Designators),
        new("POST", "staff/designations", AccessScope.Post, Designators, "Designate"),
        new("POST", "staff/designations", AccessScope.Post, Designators, "End"),

        // Appointments.
        new("GET", "staff/rendez-vous", AccessScope.Post, AppointmentStaff),
        new("POST", "staff/rendez-vous", AccessScope.Post, AppointmentPermissions.CalendarManagers, "Create"),
        new("GET", "staff/rendez-vous/services/{id:int}", AccessScope.Post, AppointmentPermissions.CalendarManagers),
        new("POST", "staff/rendez-vous/services/{id:int}", AccessScope.Post, AppointmentPermissions.CalendarManagers, "Settings"),
        new("POST", "staff/rendez-vous/services/{id:int}", AccessScope.Post, AppointmentPermissions.CalendarManagers, "AddHours"),
        new("POST", "staff/rendez-vous/services/{id:int}", AccessScope.Post, AppointmentPermissions.CalendarManagers, "RemoveHours"),
        new("POST", "staff/rendez-vous/services/{id:int}", AccessScope.Post, AppointmentPermissions.CalendarManagers, "Release"),
        new("GET", "staff/rendez-vous/postes/{postId:int}/fermetures", AccessScope.Post, AppointmentPermissions.CalendarManagers),
        new("POST", "staff/rendez-vous/postes/{postId:int}/fermetures", AccessScope.Post, AppointmentPermissions.CalendarManagers, "Add"),
        new("POST", "staff/rendez-vous/postes/{postId:int}/fermetures", AccessScope.Post, AppointmentPermissions.CalendarManagers, "Remove"),
        new("GET", "staff/rendez-vous/accueil", AccessScope.Post, AppointmentPermissions.CheckInAgents),
        new("POST", "staff/rendez-vous/accueil", AccessScope.Post, AppointmentPermissions.CheckInAgents),
        new("GET", "staff/rendez-vous/tableau-de-bord", AccessScope.Post, AppointmentPermissions.DashboardReaders),
        new("GET", "staff/rendez-vous/blocages", AccessScope.Global, AppointmentPermissions.BlockManagers),
        new("POST", "staff/rendez-vous/blocages", AccessScope.Global, AppointmentPermissions.BlockManagers, "Lift"),
        new("GET", "staff/rendez-vous/tirages", AccessScope.Post, AppointmentPermissions.CalendarManagers),
        new("GET", "staff/rendez-vous/tirages/nouveau", AccessScope.Post, AppointmentPermissions.CalendarManagers),
        new("POST", "staff/rendez-vous/tirages/nouveau", AccessScope.Post, AppointmentPermissions.CalendarManagers),
        new("GET", "staff/rendez-vous/tirages/{id:int}", AccessScope.Post, AppointmentPermissions.CalendarManagers),

        // The API, for partner systems with an API key (roles and posts come with the key).
        new("POST", "api/v1/cases", AccessScope.Post, CaseEntrants),
        new("GET", "api/v1/cases", AccessScope.Post, CasePermissions.CaseReaders),
        new("GET", "api/v1/cases/{id:guid}", AccessScope.Post, CasePermissions.CaseReaders),
        new("POST", "api/v1/cases/{id:guid}/actions/{action}", AccessScope.Post, CaseActors),
        new("GET", "api/v1/applications/forms", AccessScope.Global, AnyRole),
        new("POST", "api/v1/applications", AccessScope.Post, CaseEntrants),
        new("GET", "api/v1/applications/{caseId:guid}", AccessScope.Post, CasePermissions.CaseReaders),
        new("GET", "api/v1/stock", AccessScope.Post, AnyRole),
        new("POST", "api/v1/stock", AccessScope.Post, StockReceivers),
        new("POST", "api/v1/stock/{id:int}/spoiled", AccessScope.Post, StockSpoilers),
        new("GET", "api/v1/print-jobs", AccessScope.Post, PrintOperators),
        new("POST", "api/v1/print-jobs/{id:guid}/printed", AccessScope.Post, PrintOperators),
        new("POST", "api/v1/screening/search", AccessScope.Global, Screeners),
        new("POST", "api/v1/screening/compare", AccessScope.Global, Screeners),
        new("POST", "api/v1/document-register", AccessScope.Global, DocumentRegistrars),
    ];

    private static readonly Dictionary<(string Method, string Route, string Handler), AccessRule> ByKey =
        Rules.ToDictionary(r => (r.Method, Normalize(r.Route), r.Handler?.ToUpperInvariant() ?? ""), r => r);

    /// <summary>
    /// The rule for a request: the handler's own line if it has one, else the method's line, else a line for
    /// any method; null when the matrix does not know the route (refused).
    /// </summary>
    public static AccessRule? Find(string method, string route, string? handler)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(route);
        method = HttpMethods.IsHead(method) ? "GET" : method.ToUpperInvariant();
        var key = Normalize(route);
        if (!string.IsNullOrEmpty(handler) && ByKey.TryGetValue((method, key, handler.ToUpperInvariant()), out var own))
            return own;
        if (ByKey.TryGetValue((method, key, ""), out var byMethod))
            return byMethod;
        return ByKey.GetValueOrDefault((AnyMethod, key, ""));
    }

    /// <summary>The route pattern of an endpoint, as the matrix writes it (no leading or trailing slash).</summary>
    public static string Normalize(string route) => (route ?? "").Trim('/');

    private static AccessRule Public(string method, string route, string? handler = null) => new(method, route, AccessScope.Public, None, handler);
}
