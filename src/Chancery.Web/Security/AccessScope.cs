namespace Chancery.Web.Security;

/// <summary>Which records a route reaches, once the roles allow it.</summary>
internal enum AccessScope
{
    /// <summary>Anyone, signed in or not: applicant pages, sign-in, health, the signed payment webhook.</summary>
    Public,

    /// <summary>Any signed-in member of staff, whatever their roles (sign-out, the refusal page).</summary>
    SignedIn,

    /// <summary>Records of the posts the actor is designated for today (<c>Actor.PostIds</c>); another post's record answers 404.</summary>
    Post,

    /// <summary>Not tied to a post: watchlists, blocked addresses, the form catalogue.</summary>
    Global,
}
