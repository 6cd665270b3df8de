using Chancery.Core.Cases;
using Chancery.Core.Persons;

namespace Chancery.Core.Documents;

internal static class DocumentMrz
{
    public static string? For(Case @case, Person holder, string number, DateOnly? expires) => null;
}
