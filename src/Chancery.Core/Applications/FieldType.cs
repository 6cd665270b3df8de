namespace Chancery.Core.Applications;

/// <summary>How an answer is entered and checked.</summary>
public enum FieldType
{
    Text,
    LongText,
    /// <summary>A full date, <c>YYYY-MM-DD</c> (also accepted: <c>DD/MM/YYYY</c>).</summary>
    Date,
    /// <summary>A date of birth that may be known only to the year or month.</summary>
    PartialDate,
    /// <summary>An ISO 3166-1 country, by its alpha-3 code.</summary>
    Country,
    /// <summary>A nationality or issuing state: ISO countries and the Doc 9303 codes (stateless, refugee, UN...).</summary>
    Nationality,
    /// <summary>A Schengen member state, by its alpha-3 code.</summary>
    SchengenState,
    Choice,
    YesNo,
    Email,
    Phone,
    /// <summary>The code of the post (embassy or consulate) that will handle the application.</summary>
    Post,
    /// <summary>Latin letters as in the travel document (a name).</summary>
    Name,
    /// <summary>A travel document number: letters and digits.</summary>
    DocumentNumber,
}
