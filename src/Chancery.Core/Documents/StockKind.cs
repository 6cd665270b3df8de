namespace Chancery.Core.Documents;

/// <summary>The kinds of blank, numbered items a post holds.</summary>
public enum StockKind
{
    PassportBooklet,
    PassportCard,
    VisaSticker,
    BirthCertificateForm,
}
