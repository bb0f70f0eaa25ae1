"""Author names from bylines: proper case, Korean given names, wire credits."""

from __future__ import annotations

import re

from newsarchive.text import squash

WIRE_SERVICES = {
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
}

_PARTICLES = {"de", "van", "von", "der", "da", "di", "le", "la", "bin", "del"}

# Romanised Korean family names: after one of these, a hyphenated given name
# is written `Min-soo`, whatever case the byline used.
KOREAN_SURNAMES = set(
    """kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang
    chang lim im han oh seo suh shin sin kwon hwang ahn an song yoo yu ryu hong
    jeon chun ko koh moon mun yang son sohn bae baek paik heo huh nam noh roh ha
    kwak sung cha joo ju woo koo ku min na jin ji chae won bang kong hyun ham
    byun yeom yeo chu do so seok sun seol ma gil yeon wi pyo myung ki ban wang
    geum ok yook maeng je mo tak""".split()
)

# One romanised Korean syllable (Revised Romanization and common older forms).
_SYLLABLE = re.compile(
    r"(?:g|gg|k|kk|n|d|dd|t|tt|r|l|m|b|bb|p|pp|s|ss|sh|j|jj|ch|h|c|ts)?"
    r"(?:a|ae|ya|yae|eo|e|yeo|ye|o|wa|wae|oe|yo|u|oo|wo|we|wi|yu|eu|ui|i|ee|ou|ei|ai)"
    r"(?:k|n|t|l|m|p|ng|g|r|b)?"
)

# Words that make a byline part a role, not a person: `Staff Reporter`.
_ROLE_WORDS = re.compile(
    r"\b(reporters?|correspondents?|writers?|editors?|columnists?|staff|"
    r"contributors?|desk|bureau|special to|news service|"
    # and in other languages: `Korrespondent`, `Redakteurin`, `corresponsal`
    r"korrespondent(?:in)?|redakteur(?:in)?|corresponsal|correspondant(?:e)?|"
    r"rédact(?:eur|rice)|redactor(?:a)?|giornalista|inviat[oa])\b",
    re.I,
)
_DESKS = frozenset({"desk", "staff", "bureau"})
# what may come before a role: `Senior Political Correspondent`
_ROLE_LEAD = frozenset(
    "senior chief deputy associate assistant contributing executive managing "
    "political foreign royal lifestyle sport sports business health science "
    "technology tech digital news staff special investigations education "
    "environment crime entertainment culture travel fashion food economics "
    "economy legal security defence defense diplomatic parliamentary consumer "
    "property money home affairs world national local".split()
)
# a word run into a name (`Jörg WeißKorrespondent`, `Ana Ruiz-VegaThe Harbour
# Times`): a capital after three small letters (not `McDonald`, `DeShawn`,
# `MacArthur`; `FitzGerald` is told apart by its tail, see _without_tail)
_GLUED = re.compile(r"(?<=[a-zß-öø-ÿ]{3})(?P<tail>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})")

# a capital letter, Latin accented ones too (`Jörg`, `Łukasz`, `Ólafur`)
_CAPITAL = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_NAME_TOKEN = (
    rf"(?:[{_CAPITAL}][^\W\d_’'.]*(?:[’'.][^\W\d_’'.]*)*\.?(?:-[^\W\d_]+)*"
    r"|(?:de|van|von|der|da|di|le|la|bin|del))"
)
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}"
# `and` in English and other languages: `und`, `et`, `y`, `og`, `och`, `en`;
# and `e` after `By` (with no `By`, `e` may join two family names: `Silva e
# Souza`)
_AND = r"and|AND|&|und|et|y|og|och|en"
_SEP = rf"(?:\s*,\s*(?:and\s+)?|\s+(?:{_AND}|e)\s+)"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# `By` in English and in other languages: `Von`, `Par`, `Por`, `Door`, `Av`,
# `Af`, and `Di` (which may also open a name: `Di Stefano`)
_BY = r"BY|By|by|(?i:von|par|por|door|av|af)"
BY_WORD = rf"(?:{_BY}|(?i:di)):?"
# what ends the names on a byline: `By Jo Park | Outlet`, `By Jo Park · 3 min`
BYLINE_END = re.compile(r"\s+[|·•]\s+")
# what kind of piece, before `By`: `Analysis by`, `Kolumne von`
GENRE = (
    r"(?:(?:Ein|Eine)\s+)?(?i:Kommentar|Kolumne|Analyse|Gastbeitrag|Analysis|"
    r"Commentary|Column|Review|Opinion)\s+"
)
BYLINE = re.compile(
    rf"(?:(?:Written|Reported|Story|Words|Text)\s+|{GENRE})?{BY_WORD}\s+(?P<names>{_NAME}(?:{_SEP}{_NAME}){{0,3}})"
    rf"\s*(?:[\[(<]?\s*(?P<email>{_EMAIL})\s*[\])>]?)?\.?"
    # and what may follow the names: the outlet (`By Jo Park | Island
    # Times`), a role or a place (`Von Jo Park, Redakteurin (Sport)`); not a
    # date (`By Jo Park | 13 Jan 2008` gives both: extract.byline_and_date)
    rf"(?:{BYLINE_END.pattern}[^|·•\d]{{1,60}}|,\s+[^,|·•\d]{{1,40}})?"
)
# A writer's name alone on a line at the end of a column: `PARK MIN-SOO`.
# (`By` in other languages too, but not `Di`: `Di Stefano` may be a name)
NAME_LINE = re.compile(rf"(?:(?:{GENRE})?(?:{_BY}):?\s+)?(?P<name>{_NAME})")


def _word(word: str, first: bool) -> str:
    if not first and word.lower() in _PARTICLES:
        return word.lower()
    if "-" in word:
        return _hyphenated(word)  # Korean given names: MIN-SOO -> Min-soo
    if "'" in word or "’" in word:
        apostrophe = "'" if "'" in word else "’"
        return apostrophe.join(p.capitalize() for p in word.split(apostrophe))
    if re.fullmatch(r"MC[A-Z]{3,}", word):
        return "Mc" + word[2:].capitalize()
    return word.capitalize()


def proper_case(name: str) -> str:
    """`PARK MIN-SOO` -> `Park Min-soo`, `SARAH KIM` -> `Sarah Kim`.

    Names already in mixed case keep their case, except that a Korean given
    name after a Korean family name is always written `Min-soo`.
    """
    name = " ".join(name.split()).strip(" ,.")
    if not name:
        return name
    if name == name.upper():
        words = [_word(w, i == 0) for i, w in enumerate(name.split(" "))]
    else:
        words = name.split(" ")
    if len(words) >= 2 and words[0].lower() in KOREAN_SURNAMES:
        words[1:] = [_hyphenated(w) for w in words[1:]]
        if len(words) == 3 and all(_SYLLABLE.fullmatch(w.lower()) for w in words[1:]):
            # `Park Min Soo` is `Park Min-soo`
            words[1:] = [f"{words[1].capitalize()}-{words[2].lower()}"]
    return " ".join(words)


def _hyphenated(word: str) -> str:
    """`MIN-SOO`, `min-Soo` -> `Min-soo`; a word without a hyphen as it is."""
    if "-" not in word:
        return word
    head, *rest = word.split("-")
    return "-".join([head.capitalize()] + [r.lower() for r in rest])


def split_names(names: str) -> list[str]:
    """`A, B and C` -> [A, B, C], roles dropped, wire services named alike."""
    parts = re.split(_SEP, names.strip())
    out: list[str] = []
    for part in parts:
        part = _without_tail(part.strip())
        if not part:
            continue
        wire = wire_credit(part) or wire_credit(_ROLE_WORDS.sub("", part))
        if wire:
            name = wire
        elif _ROLE_WORDS.search(part):
            continue
        else:
            name = proper_case(part)
            if len(name.split()) < 2:
                continue
        add_author(out, name)
    return out


def _without_tail(name: str) -> str:
    """A name less a role run into it or after it, or `The` and an outlet's
    name: `Jörg WeißKorrespondent`, `Jo Park Senior Staff Reporter`, `Ana
    Ruiz-VegaThe Harbour Times` give the person's name alone."""
    for glued in _GLUED.finditer(name):
        # (only a role, its qualifier or `The`: not `FitzGerald`, `VanderMeer`)
        tail = glued["tail"]
        if len(name[: glued.start()].split()) >= 2 and (
            tail == "The" or tail.lower() in _ROLE_LEAD or _ROLE_WORDS.fullmatch(tail)
        ):
            return name[: glued.start()]
    words = name.split()
    for i, word in enumerate(words[2:], 2):
        # (a person's role: a desk's name, `BWW News Desk`, names no one)
        if word == "The" or (
            _ROLE_WORDS.fullmatch(word) and word.lower() not in _DESKS
        ):
            while i > 2 and words[i - 1].lower() in _ROLE_LEAD:
                i -= 1
            return " ".join(words[:i])
    return name


def add_author(authors: list[str], name: str) -> None:
    """Append `name` unless the same person (case and spacing aside) is there."""
    key = author_key(name)
    if name and all(author_key(a) != key for a in authors):
        authors.append(name)


def author_key(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).casefold()


def parse_byline(line: str) -> tuple[list[str], list[str]] | None:
    """(authors, emails) when the whole line is a byline, else None.

    `BY PARK MIN-SOO, SARAH KIM [park.minsoo@example.com]`: the email belongs
    to the first author.
    """
    line = squash(line)
    if len(line) > 160:
        return None
    m = BYLINE.fullmatch(line)
    if m is None:
        return None
    authors = split_names(m["names"])
    if not authors:
        return None
    return authors, [m["email"]] if m["email"] else []


ROLE_LINE = re.compile(
    r"[\w ,&-]{0,40}\b(correspondent|reporter|editor|writer|columnist)s?", re.I
)


def name_line(line: str) -> str | None:
    """The writer's name when the line is only a person's name (2-5 words)."""
    line = squash(line)
    m = NAME_LINE.fullmatch(line)
    if m is None or line.endswith("."):
        return None
    name = _without_tail(m["name"])
    if not 2 <= len(name.split()) <= 5 or _ROLE_WORDS.search(name):
        return None
    return proper_case(name)


# between the names of a byline with no `By`: `Ana Ruiz and Tom Reyes`
_JOINED = re.compile(rf"\s+(?:{_AND})\s+")
# a picture agency's name, not a writer's: `Getty Images and AFP`
_PICTURES = re.compile(r"\b(?:Images|Photos?|Pictures|Foto|Bild)\b")


def names_line(line: str) -> list[str]:
    """The writers' names when the line is only names joined by `and` (or
    its like in other languages): `Ana Ruiz og Tom Reyes`, `Ana Ruiz and
    AP`, a wire service among them; else []. (Not a list with commas, a
    topic's tags; nor `Ana Ruiz/Tom Reyes`, a photo's credit.)"""
    if _PICTURES.search(line):
        return []
    names: list[str] = []
    for part in _JOINED.split(squash(line)):
        if not (name := name_line(part) or wire_credit(part)):
            return []
        add_author(names, name)
    return names


def wire_credit(line: str) -> str | None:
    """The wire service named alone on a line, or None."""
    return WIRE_SERVICES.get(line.strip().strip(".").lower())
