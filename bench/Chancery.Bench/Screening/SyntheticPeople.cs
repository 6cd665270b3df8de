using System.Globalization;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;

namespace Chancery.Bench.Screening;

/// <summary>A drawn person: a written name, the population it was drawn from and that population's nationality codes.</summary>
internal sealed record DrawnName(string Name, string Population, IReadOnlyList<string> Nationalities)
{
    public bool Female { get; init; }

    public IReadOnlyList<string> Given { get; init; } = [];

    public string Family { get; init; } = string.Empty;

    public bool FamilyFirst { get; init; }

    public bool CommaForm { get; init; }

    /// <summary>The name written from its parts: "FAMILY, Given", family first, or family last.</summary>
    public static string Write(IReadOnlyList<string> given, string family, bool familyFirst, bool commaForm) =>
        commaForm ? $"{family.ToUpperInvariant()}, {string.Join(' ', given)}"
        : familyFirst ? $"{family} {string.Join(' ', given)}"
        : $"{string.Join(' ', given)} {family}";
}

// Draws person names from fourteen populations in proportions loosely like those of sanctions
// and lookout lists (Arabic, Persian, Pashto/Urdu and Russian names over-represented), each
// with its own way of building a name: Arabic father's names and bin/al, Russian patronymics
// and feminine surnames, Chinese, Korean and Vietnamese family names first, two Hispanic
// surnames, compound given names. Names within a list are drawn Zipf-like.
internal sealed class SyntheticPeople
{
    private static readonly (string Name, double Share, string[] Nationalities)[] Populations =
    [
        ("arabic", 0.16, ["SAU", "EGY", "IRQ", "SYR", "JOR", "YEM", "LBY", "LBN", "SDN", "DZA", "MAR", "TUN", "ARE", "KWT", "QAT", "PSE"]),
        ("persian", 0.07, ["IRN", "AFG"]),
        ("pashto-urdu", 0.08, ["PAK", "AFG"]),
        ("russian-ukrainian", 0.12, ["RUS", "UKR", "BLR", "KAZ"]),
        ("chinese", 0.10, ["CHN", "TWN", "SGP", "MYS"]),
        ("korean", 0.04, ["KOR", "PRK"]),
        ("vietnamese", 0.04, ["VNM"]),
        ("hispanic", 0.10, ["MEX", "COL", "ESP", "ARG", "VEN", "PER", "CUB"]),
        ("french", 0.05, ["FRA", "BEL", "CHE", "CAN"]),
        ("german", 0.05, ["DEU", "AUT", "CHE"]),
        ("english", 0.06, ["GBR", "USA", "CAN", "AUS", "IRL"]),
        ("west-african", 0.05, ["SEN", "MLI", "GIN", "NGA", "GHA", "CIV", "NER", "BFA"]),
        ("turkish", 0.04, ["TUR", "CYP"]),
        ("indian", 0.04, ["IND"]),
    ];

    private readonly ZipfList arabicMale = new(NameLists.ArabicMale);
    private readonly ZipfList arabicFemale = new(NameLists.ArabicFemale);
    private readonly ZipfList arabicFamily = new(NameLists.ArabicFamily, 0.8);
    private readonly ZipfList persianMale = new(NameLists.PersianMale);
    private readonly ZipfList persianFemale = new(NameLists.PersianFemale);
    private readonly ZipfList persianFamily = new(NameLists.PersianFamily, 0.8);
    private readonly ZipfList pashtoMale = new(NameLists.PashtoUrduMale);
    private readonly ZipfList pashtoFemale = new(NameLists.PashtoUrduFemale);
    private readonly ZipfList pashtoFamily = new(NameLists.PashtoUrduFamily, 0.9);
    private readonly ZipfList russianMale = new(NameLists.RussianMale);
    private readonly ZipfList russianFemale = new(NameLists.RussianFemale);
    private readonly ZipfList russianFamily = new(NameLists.RussianFamily, 0.7);
    private readonly ZipfList chineseFamily = new(NameLists.ChineseFamily, 0.9);
    private readonly ZipfList chineseSyllables = new(NameLists.ChineseSyllables, 0.6);
    private readonly ZipfList koreanFamily = new(NameLists.KoreanFamily, 1.2);
    private readonly ZipfList koreanSyllables = new(NameLists.KoreanSyllables, 0.6);
    private readonly ZipfList vietnameseFamily = new(NameLists.VietnameseFamily, 1.4);
    private readonly ZipfList vietnameseMiddle = new(NameLists.VietnameseMiddle, 1.0);
    private readonly ZipfList vietnameseGiven = new(NameLists.VietnameseGiven, 0.7);
    private readonly ZipfList hispanicMale = new(NameLists.HispanicMale);
    private readonly ZipfList hispanicFemale = new(NameLists.HispanicFemale);
    private readonly ZipfList hispanicFamily = new(NameLists.HispanicFamily, 0.8);
    private readonly ZipfList frenchMale = new(NameLists.FrenchMale);
    private readonly ZipfList frenchFemale = new(NameLists.FrenchFemale);
    private readonly ZipfList frenchFamily = new(NameLists.FrenchFamily, 0.7);
    private readonly ZipfList germanMale = new(NameLists.GermanMale);
    private readonly ZipfList germanFemale = new(NameLists.GermanFemale);
    private readonly ZipfList germanFamily = new(NameLists.GermanFamily, 0.7);
    private readonly ZipfList englishMale = new(NameLists.EnglishMale);
    private readonly ZipfList englishFemale = new(NameLists.EnglishFemale);
    private readonly ZipfList englishFamily = new(NameLists.EnglishFamily, 0.7);
    private readonly ZipfList westAfricanMale = new(NameLists.WestAfricanMale);
    private readonly ZipfList westAfricanFemale = new(NameLists.WestAfricanFemale);
    private readonly ZipfList westAfricanFamily = new(NameLists.WestAfricanFamily, 0.8);
    private readonly ZipfList turkishMale = new(NameLists.TurkishMale);
    private readonly ZipfList turkishFemale = new(NameLists.TurkishFemale);
    private readonly ZipfList turkishFamily = new(NameLists.TurkishFamily, 0.8);
    private readonly ZipfList indianMale = new(NameLists.IndianMale);
    private readonly ZipfList indianFemale = new(NameLists.IndianFemale);
    private readonly ZipfList indianMiddle = new(NameLists.IndianMiddle);
    private readonly ZipfList indianFamily = new(NameLists.IndianFamily, 0.8);

    /// <summary>How many drawn names were already listed and were drawn again or given a further name.</summary>
    public int Redrawn { get; private set; }

    /// <summary>
    /// A listed person with a name not yet listed (<paramref name="isNew"/> says so, and
    /// records it), and for some of them aliases, birth dates and nationalities.
    /// </summary>
    public IndexedEntry DrawEntry(long entryId, SplitMix64 random, Func<string, bool> isNew, out string population)
    {
        var drawn = Draw(random);
        for (var attempt = 0; !isNew(drawn.Name); attempt++)
        {
            // Common populations run out of distinct short names; a further given name is what real lists have then.
            drawn = attempt < 3 ? Draw(random, drawn.Population) : AddGivenName(drawn, random);
            Redrawn++;
        }

        population = drawn.Population;
        var names = new List<IndexedName> { new(drawn.Name, "Primary") };
        if (random.Chance(0.18))
        {
            var aliases = random.Chance(0.7) ? 1 : 2;
            for (var i = 0; i < aliases; i++)
            {
                var alias = Alias(drawn, random);
                if (alias is not null && names.TrueForAll(n => n.Name != alias))
                    names.Add(new IndexedName(alias, "Alias", random.Chance(0.7) ? "Good" : "Low"));
            }
        }

        var birthDates = new List<BirthDate>();
        if (random.Chance(0.75))
        {
            var first = RandomBirthDate(random, fullShare: 0.6);
            birthDates.Add(first);
            if (random.Chance(0.08))
                birthDates.Add(new BirthDate(first.Year + random.Between(1, 3)));
        }

        var nationalities = new List<string>();
        if (random.Chance(0.7))
        {
            nationalities.Add(random.Pick(drawn.Nationalities));
            if (random.Chance(0.1))
            {
                var second = random.Pick(drawn.Nationalities);
                if (second != nationalities[0])
                    nationalities.Add(second);
            }
        }

        return new IndexedEntry(entryId, "SYNTHETIC", entryId.ToString("D7", CultureInfo.InvariantCulture), names, birthDates, nationalities);
    }

    public static BirthDate RandomBirthDate(SplitMix64 random, double fullShare)
    {
        var year = random.Between(1940, 2004);
        if (!random.Chance(fullShare))
            return new BirthDate(year);
        var month = random.Between(1, 12);
        return new BirthDate(year, month, random.Between(1, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>A name from a population drawn by its share, or from the named population.</summary>
    public DrawnName Draw(SplitMix64 random, string? population = null)
    {
        var p = population is null ? PickPopulation(random) : Array.FindIndex(Populations, x => x.Name == population);
        var (name, _, nationalities) = Populations[p];
        var female = random.Chance(0.25);
        var (given, family, familyFirst) = Parts(name, female, random);

        // A third of the names in the "FAMILY, Given" form of the OFAC list.
        var commaForm = random.Chance(0.3);
        return new DrawnName(DrawnName.Write(given, family, familyFirst, commaForm), name, nationalities)
        {
            Female = female,
            Given = given,
            Family = family,
            FamilyFirst = familyFirst,
            CommaForm = commaForm,
        };
    }

    private static int PickPopulation(SplitMix64 random)
    {
        var x = random.NextDouble();
        for (var i = 0; i < Populations.Length; i++)
        {
            x -= Populations[i].Share;
            if (x < 0)
                return i;
        }

        return Populations.Length - 1;
    }

    private (List<string> Given, string Family, bool FamilyFirst) Parts(string population, bool female, SplitMix64 r)
    {
        switch (population)
        {
            case "arabic":
            {
                var given = new List<string> { (female ? arabicFemale : arabicMale).Draw(r) };
                if (r.Chance(0.12))
                    given.Add(female ? "bint" : "bin");
                given.Add(arabicMale.Draw(r));
                if (r.Chance(0.35))
                    given.Add(arabicMale.Draw(r));
                return (given, arabicFamily.Draw(r), false);
            }

            case "persian":
            {
                var given = new List<string> { (female ? persianFemale : persianMale).Draw(r) };
                if (r.Chance(0.15))
                    given.Add(persianMale.Draw(r));
                return (given, persianFamily.Draw(r), false);
            }

            case "pashto-urdu":
            {
                var given = new List<string> { (female ? pashtoFemale : pashtoMale).Draw(r) };
                if (r.Chance(0.3))
                    given.Add(pashtoMale.Draw(r));
                return (given, pashtoFamily.Draw(r), false);
            }

            case "russian-ukrainian":
            {
                var given = (female ? russianFemale : russianMale).Draw(r);
                var father = russianMale.Draw(r);
                var stem = NameLists.RussianPatronymicStems[father];
                var surname = russianFamily.Draw(r);
                if (female)
                {
                    surname = surname.EndsWith("skiy", StringComparison.Ordinal) ? surname[..^2] + "aya"
                        : surname.EndsWith("ov", StringComparison.Ordinal) || surname.EndsWith("ev", StringComparison.Ordinal) || surname.EndsWith("in", StringComparison.Ordinal) ? surname + "a"
                        : surname;
                }

                var names = new List<string> { given };
                if (r.Chance(0.85))
                    names.Add(stem + (female ? "na" : "ich"));
                return (names, surname, false);
            }

            case "chinese":
            {
                var given = Capitalise(chineseSyllables.Draw(r));
                if (r.Chance(0.7))
                    given += chineseSyllables.Draw(r);
                return ([given], chineseFamily.Draw(r), true);
            }

            case "korean":
            {
                var first = Capitalise(koreanSyllables.Draw(r));
                var second = koreanSyllables.Draw(r);
                var given = r.Below(3) switch
                {
                    0 => $"{first}-{second}",
                    1 => $"{first} {Capitalise(second)}",
                    _ => first + second,
                };
                return ([given], koreanFamily.Draw(r), true);
            }

            case "vietnamese":
            {
                var family = vietnameseFamily.Draw(r);
                var middle = female && r.Chance(0.7) ? "Thi" : vietnameseMiddle.Draw(r);
                var given = vietnameseGiven.Draw(r);
                if (r.Chance(0.25))
                {
                    family = NameLists.VietnameseMarked.GetValueOrDefault(family, family);
                    middle = NameLists.VietnameseMarked.GetValueOrDefault(middle, middle);
                    given = NameLists.VietnameseMarked.GetValueOrDefault(given, given);
                }

                return ([middle, given], family, true);
            }

            case "hispanic":
            {
                var given = (female ? hispanicFemale : hispanicMale).Draw(r);
                var family = hispanicFamily.Draw(r);
                if (r.Chance(0.8))
                    family += " " + hispanicFamily.Draw(r);
                if (r.Chance(0.4))
                {
                    given = NameVariants.WithoutMarks(given);
                    family = NameVariants.WithoutMarks(family);
                }

                return ([given], family, false);
            }

            case "french":
            {
                var given = new List<string> { (female ? frenchFemale : frenchMale).Draw(r) };
                if (r.Chance(0.15))
                    given.Add((female ? frenchFemale : frenchMale).Draw(r));
                return (given, frenchFamily.Draw(r), false);
            }

            case "german":
            {
                var given = new List<string> { (female ? germanFemale : germanMale).Draw(r) };
                if (r.Chance(0.25))
                    given.Add((female ? germanFemale : germanMale).Draw(r));
                return (given, germanFamily.Draw(r), false);
            }

            case "english":
            {
                var given = new List<string> { (female ? englishFemale : englishMale).Draw(r) };
                if (r.Chance(0.4))
                    given.Add((female ? englishFemale : englishMale).Draw(r));
                return (given, englishFamily.Draw(r), false);
            }

            case "west-african":
            {
                var given = new List<string> { (female ? westAfricanFemale : westAfricanMale).Draw(r) };
                if (r.Chance(0.3))
                    given.Add(westAfricanMale.Draw(r));
                return (given, westAfricanFamily.Draw(r), false);
            }

            case "turkish":
            {
                var given = new List<string> { (female ? turkishFemale : turkishMale).Draw(r) };
                if (r.Chance(0.25))
                    given.Add((female ? turkishFemale : turkishMale).Draw(r));
                var family = turkishFamily.Draw(r);
                return r.Chance(0.3) ? ([.. given.Select(NameVariants.WithoutMarks)], NameVariants.WithoutMarks(family), false) : (given, family, false);
            }

            default:
            {
                var given = new List<string> { (female ? indianFemale : indianMale).Draw(r) };
                if (r.Chance(0.3))
                    given.Add(female ? (r.Chance(0.5) ? "Kaur" : "Devi") : indianMiddle.Draw(r));
                return (given, indianFamily.Draw(r), false);
            }
        }
    }

    private string? Alias(DrawnName drawn, SplitMix64 random)
    {
        switch (random.Below(4))
        {
            case 0:
                return NameVariants.Transliteration(drawn.Name, random);
            case 1 when drawn.Population is "arabic" or "pashto-urdu":
                // A kunya: "father of" and a son's name, often the name a person is known by.
                return $"Abu {arabicMale.Draw(random)}";
            case 2:
                return NameVariants.DropMiddleName(drawn.Name, random);
            default:
                return Draw(random, drawn.Population).Name;
        }
    }

    // One more given name after the ones drawn: a grandfather's name in Arabic, Pashto and
    // Persian names, a second given name of the person's sex elsewhere.
    private DrawnName AddGivenName(DrawnName drawn, SplitMix64 random)
    {
        var f = drawn.Female;
        var extra = drawn.Population switch
        {
            "arabic" => arabicMale.Draw(random),
            "persian" => persianMale.Draw(random),
            "pashto-urdu" => pashtoMale.Draw(random),
            "chinese" => Capitalise(chineseSyllables.Draw(random)),
            "korean" => Capitalise(koreanSyllables.Draw(random)),
            "vietnamese" => vietnameseGiven.Draw(random),
            "hispanic" => (f ? hispanicFemale : hispanicMale).Draw(random),
            "french" => (f ? frenchFemale : frenchMale).Draw(random),
            "german" => (f ? germanFemale : germanMale).Draw(random),
            "english" => (f ? englishFemale : englishMale).Draw(random),
            "west-african" => (f ? westAfricanFemale : westAfricanMale).Draw(random),
            "turkish" => (f ? turkishFemale : turkishMale).Draw(random),
            "indian" => (f ? indianFemale : indianMale).Draw(random),
            _ => (f ? russianFemale : russianMale).Draw(random),
        };
        if (drawn.Given.Contains(extra))
            return drawn;
        List<string> given = [.. drawn.Given, extra];
        return drawn with { Name = DrawnName.Write(given, drawn.Family, drawn.FamilyFirst, drawn.CommaForm), Given = given };
    }

    private static string Capitalise(string syllable) => char.ToUpperInvariant(syllable[0]) + syllable[1..];
}
