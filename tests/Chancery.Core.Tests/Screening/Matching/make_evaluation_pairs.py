#!/usr/bin/env python3
"""Builds evaluation-pairs.csv (name1,name2,is_match,category) from the shared watchlists.

Deterministic: fixed seed, inputs sorted, no network. Run from the repository root:
    python3 tests/Chancery.Core.Tests/Screening/Matching/make_evaluation_pairs.py
See docs/name-matching.md for what each category is.
"""
import csv
import difflib
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

DATA = os.environ.get("WATCHLISTS", "/work/shared/data/watchlists")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evaluation-pairs.csv")
PER_CATEGORY = 40
rng = random.Random(20240501)

PARTICLES = {"AL", "EL", "UL", "BIN", "BEN", "IBN", "ABU", "ABOU", "BINT", "VAN", "VON", "DE", "DA", "DEL", "DELLA", "DI", "DU", "LE", "LA", "TER"}
TITLES = {"DR", "MR", "SHAYKH", "SHEIKH", "HAJI", "MULLAH", "MAULANA", "MAWLAWI", "GENERAL", "COLONEL"}


def words(name):
    return [w for w in re.split(r"[\s,.\-]+", name) if w]


def ofac_individuals():
    people = []
    with open(os.path.join(DATA, "ofac-sdn-2024-05.csv"), encoding="utf-8", errors="replace") as f:
        for row in csv.reader(f):
            if len(row) > 2 and row[2].strip() == "individual" and "," in row[1]:
                surname, given = [p.strip() for p in row[1].split(",", 1)]
                if surname and given and not re.search(r"[0-9()]", row[1]):
                    people.append(("ofac-" + row[0], surname, given))
    return sorted(people)


def un_individuals():
    root = ET.parse(os.path.join(DATA, "un-consolidated-2018.xml")).getroot()
    people = []
    for ind in root.iter("INDIVIDUAL"):
        parts = [(ind.findtext(t) or "").strip() for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        name = " ".join(p for p in parts if p)
        original = (ind.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        aliases = sorted({(a.findtext("ALIAS_NAME") or "").strip() for a in ind.findall("INDIVIDUAL_ALIAS")
                          if (a.findtext("QUALITY") or "").strip() == "Good" and (a.findtext("ALIAS_NAME") or "").strip()})
        if name:
            people.append(("un-" + (ind.findtext("DATAID") or ""), name, original, aliases))
    return sorted(people)


def full(p):
    return f"{p[2]} {p[1]}"


def substantive(ws):
    return [w for w in ws if w.upper() not in PARTICLES and w.upper() not in TITLES and len(w) > 1]


ofac = ofac_individuals()
un = un_individuals()
pairs = []


def add(a, b, match, category):
    a, b = " ".join(a.split()), " ".join(b.split())
    pairs.append((a, b, 1 if match else 0, category))


def take(category, candidates, n=PER_CATEGORY):
    rng.shuffle(candidates)
    got = 0
    for a, b, match in candidates:
        if got >= n:
            break
        if a.strip() and b.strip() and " ".join(a.split()).upper() != " ".join(b.split()).upper():
            add(a, b, match, category)
            got += 1


# ---- matches -------------------------------------------------------------------------
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "c": "ç", "n": "ñ"}


def diacritics(name):
    out = []
    for ch in name.lower():
        out.append(ACCENTS[ch] if ch in ACCENTS and rng.random() < 0.35 else ch)
    return "".join(out).title()


take("case-diacritics", [(full(p), diacritics(full(p)), True) for p in ofac])

# Common romanisation variants of Arabic names (both directions).
ARABIC_VARIANTS = [
    ("MUHAMMAD", ["MOHAMMED", "MOHAMED", "MOHAMAD", "MUHAMMED", "MOHAMMAD"]),
    ("MOHAMMED", ["MUHAMMAD", "MOHAMED", "MOHAMAD"]),
    ("MOHAMMAD", ["MUHAMMAD", "MOHAMMED"]),
    ("HUSSEIN", ["HUSAYN", "HUSSAIN", "HUSEIN"]), ("HUSAYN", ["HUSSEIN", "HUSSAIN"]), ("HASAN", ["HASSAN"]), ("HASSAN", ["HASAN"]),
    ("YUSUF", ["YOUSSEF", "YOUSEF", "YOUSSOUF"]), ("YOUSSEF", ["YUSUF"]), ("AHMAD", ["AHMED"]), ("AHMED", ["AHMAD"]),
    ("ABD AL", ["ABDUL", "ABDEL", "ABD EL"]), ("ABDUL", ["ABD AL", "ABDEL"]), ("ABDEL", ["ABDUL", "ABD AL"]),
    ("OSAMA", ["USAMA", "OUSSAMA"]), ("USAMA", ["OSAMA"]), ("OMAR", ["UMAR"]), ("UMAR", ["OMAR"]),
    ("KHALID", ["KHALED"]), ("KHALED", ["KHALID"]), ("SAID", ["SAEED", "SAYED"]), ("SAYED", ["SAYYID", "SAID"]),
    ("MAHMOUD", ["MAHMUD"]), ("MAHMUD", ["MAHMOUD"]), ("MUSTAFA", ["MOUSTAFA", "MOSTAFA"]), ("ALI", ["ALY"]),
    ("QADIR", ["KADIR", "QADER"]), ("QASIM", ["KASSEM", "QASEM"]), ("SALEH", ["SALIH"]), ("SALIH", ["SALEH"]),
    ("IBRAHIM", ["EBRAHIM", "IBRAHEEM"]), ("ABDULLAH", ["ABDALLAH", "ABD ALLAH", "ABDULLA"]), ("JAMAL", ["GAMAL", "DJAMEL"]),
    ("RAHMAN", ["RAHMANE", "REHMAN"]), ("ZAWAHIRI", ["ZAWAHRI"]), ("SHAYKH", ["SHEIKH"]), ("KHALIL", ["KHALEEL"]),
]


def arabic_variant(name):
    up = name.upper()
    options = [(k, v) for k, v in ARABIC_VARIANTS if re.search(r"(^|[\s,\-])" + k + r"($|[\s,\-])", up)]
    if not options:
        return None
    k, vs = options[rng.randrange(len(options))]
    return re.sub(r"(^|[\s,\-])" + k + r"($|[\s,\-])", lambda m: m.group(1) + rng.choice(vs) + m.group(2), up, count=1)


take("transliteration-arabic", [(full(p), v, True) for p in ofac for v in [arabic_variant(full(p))] if v])

# Cyrillic: Latin (English/BGN style, as on OFAC) → Cyrillic, and Cyrillic → German / French / ISO-9-ish styles.
TO_CYR = [("SHCH", "Щ"), ("KH", "Х"), ("ZH", "Ж"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("YU", "Ю"), ("YA", "Я"), ("YE", "Е"),
          ("YO", "Ё"), ("IY", "ИЙ"), ("Y", "Й"), ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("E", "Е"), ("Z", "З"),
          ("I", "И"), ("K", "К"), ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"), ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"),
          ("U", "У"), ("F", "Ф"), ("C", "К"), ("H", "Х"), ("J", "Дж"), ("W", "В"), ("X", "КС"), ("Q", "К")]
GERMAN = {"Щ": "SCHTSCH", "Х": "CH", "Ж": "SCH", "Ц": "Z", "Ч": "TSCH", "Ш": "SCH", "Ю": "JU", "Я": "JA", "Е": "E", "Ё": "JO",
          "Й": "I", "В": "W", "З": "S", "Ы": "Y"}
FRENCH = {"Щ": "CHTCH", "Х": "KH", "Ж": "J", "Ц": "TS", "Ч": "TCH", "Ш": "CH", "Ю": "IOU", "Я": "IA", "Е": "E", "Ё": "IO",
          "Й": "I", "У": "OU", "В": "V", "Ы": "Y"}
ISO9 = {"Щ": "Ŝ", "Х": "H", "Ж": "Ž", "Ц": "C", "Ч": "Č", "Ш": "Š", "Ю": "Û", "Я": "Â", "Е": "E", "Ё": "Ë", "Й": "J", "Ы": "Y"}
BASE = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "З": "Z", "И": "I", "К": "K", "Л": "L", "М": "M", "Н": "N",
        "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F"}


def to_cyrillic(name):
    out, up, i = [], name.upper(), 0
    while i < len(up):
        for lat, cyr in TO_CYR:
            if up.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(up[i])
            i += 1
    return "".join(out).title()


def from_cyrillic(name, table):
    out = []
    for ch in name.upper():
        t = table.get(ch, BASE.get(ch, ch))
        if ch == "В" and table is FRENCH and len(out) > 0 and out[-1].endswith("O"):
            t = "FF" if True else t
        out.append(t)
    s = "".join(out)
    if table is FRENCH:
        s = re.sub(r"OFF(?=[A-Z])", "OV", s)
    return s.title()


SLAVIC = re.compile(r"(OV|EV|IN|SKIY|SKY|KO|ENKO|OVA|EVA|INA|YEVICH|OVICH|EVNA|OVNA)$")
russians = [p for p in ofac if SLAVIC.search(p[1].upper()) and re.fullmatch(r"[A-Za-z \-']+", full(p))]
take("original-script-cyrillic", [(full(p), to_cyrillic(full(p)), True) for p in russians])
take("transliteration-cyrillic", [(full(p), from_cyrillic(to_cyrillic(full(p)), rng.choice([GERMAN, FRENCH, ISO9])), True) for p in russians])

# Original script as the UN list gives it (Arabic script; the few Cyrillic ones too), against the Latin name.
take("original-script-arabic", [(p[1], p[2], True) for p in un if p[2] and any("\u0600" <= c <= "\u06ff" for c in p[2])], 60)

# Word order: OFAC's "SURNAME, Given" against "Given Surname", and rotations of the UN order.
take("reordering", [(f"{p[1]}, {p[2]}", f"{p[2]} {p[1]}", True) for p in ofac if len(words(p[2])) + len(words(p[1])) >= 2]
     + [(p[1], " ".join(words(p[1])[1:] + words(p[1])[:1]), True) for p in un if len(words(p[1])) >= 3])


def drop_middle(p):
    g = words(p[2])
    if len(g) < 2:
        return None
    i = rng.randrange(1, len(g))
    return " ".join(g[:i] + g[i + 1:]) + " " + p[1]


take("dropped-middle-name", [(full(p), v, True) for p in ofac for v in [drop_middle(p)] if v])


def initials(p):
    g = words(p[2])
    if not g or g[0].upper() in TITLES:
        return None
    i = rng.randrange(len(g))
    if len(g[i]) < 2:
        return None
    return " ".join(g[:i] + [g[i][0] + "."] + g[i + 1:]) + " " + p[1]


take("initials", [(full(p), v, True) for p in ofac for v in [initials(p)] if v])


def particle(p):
    name = full(p)
    ws = re.split(r"([\s\-]+)", name)
    idx = [i for i, w in enumerate(ws) if w.upper() in PARTICLES]
    if not idx:
        return None
    i = rng.choice(idx)
    mode = rng.randrange(3)
    if mode == 0 or i + 2 >= len(ws):
        ws[i] = ""
        if i + 1 < len(ws):
            ws[i + 1] = ""
    elif mode == 1:
        ws[i + 1] = ""
    else:
        ws[i + 1] = "-"
    return re.sub(r"\s+", " ", "".join(ws))


take("particle", [(full(p), v, True) for p in ofac + [(u[0], "", u[1]) for u in un] for v in [particle(p)] if v])


def merged(p):
    ws = words(full(p))
    if len(ws) < 3:
        return None
    i = rng.randrange(len(ws) - 1)
    return " ".join(ws[:i] + [ws[i] + ws[i + 1].lower()] + ws[i + 2:])


take("merged-parts", [(full(p), v, True) for p in ofac for v in [merged(p)] if v])

PHONETIC = [("PH", "F"), ("F", "PH"), ("OU", "U"), ("U", "OU"), ("EE", "I"), ("I", "EE"), ("E", "A"), ("A", "E"), ("O", "U"),
            ("Y", "I"), ("I", "Y"), ("K", "C"), ("C", "K"), ("Q", "K"), ("SS", "S"), ("S", "SS"), ("MM", "M"), ("M", "MM"),
            ("KH", "H"), ("TH", "T"), ("DH", "D"), ("W", "V"), ("V", "W"), ("J", "DJ"), ("Z", "S"), ("EI", "AY"), ("AI", "EI")]


def phonetic(p):
    ws = words(full(p))
    cands = [i for i, w in enumerate(ws) if len(w) >= 4]
    if not cands:
        return None
    i = rng.choice(cands)
    w = ws[i].upper()
    opts = [(a, b) for a, b in PHONETIC if a in w[1:]]
    if not opts:
        return None
    a, b = rng.choice(opts)
    pos = w.find(a, 1)
    ws[i] = (w[:pos] + b + w[pos + len(a):]).title()
    return " ".join(ws)


take("phonetic", [(full(p), v, True) for p in ofac for v in [phonetic(p)] if v])

KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"


def typo(p):
    ws = words(full(p))
    cands = [i for i, w in enumerate(ws) if len(w) >= 5]
    if not cands:
        return None
    i = rng.choice(cands)
    w = list(ws[i].lower())
    j = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        w[j], w[j + 1] = w[j + 1], w[j]
    elif kind == 1:
        del w[j]
    elif kind == 2:
        w.insert(j, w[j])
    else:
        k = KEYBOARD.find(w[j])
        w[j] = KEYBOARD[k + 1] if 0 <= k < len(KEYBOARD) - 1 and KEYBOARD[k + 1] != " " else "e"
    ws[i] = "".join(w).title()
    return " ".join(ws)


take("typo", [(full(p), v, True) for p in ofac for v in [typo(p)] if v])

# The UN list's own "good quality" aliases that are spellings of the same name: every word of
# the alias resembles a word of the name (difflib ratio >= 0.6, independent of the matcher).
# Aliases that are other names altogether (noms de guerre, other identities) are not name
# variants: screening finds them because the index holds every alias.
def spelling_of(name, alias):
    nw = [w.upper() for w in words(name)]
    aw = [w.upper() for w in words(alias)]
    return len(aw) >= 2 and all(max(difflib.SequenceMatcher(None, x, y).ratio() for y in nw) >= 0.6 for x in aw)


take("listed-alias", [(p[1], a, True) for p in un for a in p[3] if spelling_of(p[1], a)])

# ---- non-matches ---------------------------------------------------------------------
by_given, by_surname = {}, {}
for p in ofac:
    g = substantive(words(p[2]))
    if g:
        by_given.setdefault(g[0].upper(), []).append(p)
    by_surname.setdefault(p[1].upper(), []).append(p)


def different(a, b):
    # Different people whose names are not the same once case, punctuation and particles are ignored.
    na = sorted(w.upper() for w in substantive(words(full(a))))
    nb = sorted(w.upper() for w in substantive(words(full(b))))
    return a[0] != b[0] and na != nb and not set(na) <= set(nb) and not set(nb) <= set(na)


cands = []
for g, ps in sorted(by_given.items()):
    if len(ps) >= 2 and g in {"MUHAMMAD", "MOHAMMAD", "MOHAMMED", "AHMAD", "AHMED", "ALI", "ABDUL", "HASSAN", "SERGEY", "ALEKSANDR", "ANDREY", "VLADIMIR", "KHALID", "OMAR", "JOSE", "JUAN", "IVAN", "DMITRY", "IGOR"} | ({g} if len(ps) >= 5 else set()):
        a, b = rng.sample(ps, 2)
        for _ in range(3):
            if different(a, b):
                cands.append((full(a), full(b), False))
                break
            a, b = rng.sample(ps, 2)
take("same-given-name", cands, 60)

cands = []
for s, ps in sorted(by_surname.items()):
    if len(ps) >= 2:
        a, b = rng.sample(ps, 2)
        if different(a, b) and substantive(words(a[2])) and substantive(words(b[2])):
            cands.append((full(a), full(b), False))
take("shared-surname", cands, 60)

# Swapped given and family names: the listed "SURNAME, Given" against a different person "GIVEN, Surname".
take("swapped-given-family", [(f"{p[1]}, {p[2]}", f"{p[2]}, {p[1]}", False) for p in ofac
                              if len(words(p[1])) == 1 and len(words(p[2])) == 1 and p[1].upper() != p[2].upper()])

# Similar-looking names of different listed people: closest pairs by character similarity.
pool = rng.sample(ofac, 1500)
close = []
for i, a in enumerate(pool):
    for b in pool[i + 1:]:
        if not different(a, b):
            continue
        r = difflib.SequenceMatcher(None, full(a).upper(), full(b).upper()).ratio()
        if r >= 0.72:
            close.append((r, full(a), full(b)))
close.sort(reverse=True)
take("similar-different", [(a, b, False) for _, a, b in close[:80]], 60)

with open(OUT, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["name1", "name2", "is_match", "category"])
    for row in pairs:
        w.writerow(row)

counts = {}
for _, _, m, c in pairs:
    counts[c] = counts.get(c, 0) + 1
print(f"{len(pairs)} pairs -> {OUT}", file=sys.stderr)
for c, n in counts.items():
    print(f"  {c}: {n}", file=sys.stderr)
