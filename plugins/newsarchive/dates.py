"""Dates written in a page dump: datelines, `Published:` lines, print editions.

Only whole lines are read as dates, so a body sentence that mentions a date
never dates the article.
"""

from __future__ import annotations

import re
from datetime import date

from newsarchive.text import squash

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME_FIRST = r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?,?\s+)?"
_WEEKDAY = (
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
)
_LABEL = (
    r"(?:(?:Published|Posted|Updated|Last updated|First published|Date|Dated)"
    r"(?:\s+on)?\s*:?\s*)?"
)
# when a dateline says in another language it was updated: a date or a time
# soon after the word (`Aktualisiert am Donnerstag, 4. Mai 2024`, `modifica
# il 6 gennaio`; not `Aktualisiert wurde ...`)
_WHEN = r"[^\d\n]{0,25}\d[^\n]{0,30}"
# What may follow the date on a dateline: a time, a zone, an `Updated:` part.
# (and the time it takes to read: `• 3 minute read`, `| Lesedauer: 4 Minuten`)
READING_TIME = (
    r"(?:(?:Reading time|Lesedauer|Lesezeit|Temps de lecture|Tiempo de lectura)"
    r"\s*:?\s*)?\d{1,3}\s*(?:minutes?|mins?|Minuten?|Min)\.?"
    r"(?:\s+(?:read|Lesezeit|lesen))?"
)
_READING = rf"(?:\s*[|·•,]?\s*{READING_TIME})?"
_TAIL = (
    r"(?:[\s,|·•\-–—]*(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,4}(?:[+-]\d{1,2})?\)?)?)?"
    r"(?:\s*[|·•,(]?\s*(?:Updated|Last updated)\s*:?.{0,40})?"
    # (and who wrote it: `by Ana Ruiz`, `by Émile Zola`, `by 김철수`, not `by
    # all accounts ...`)
    r"(?:\s+by\s+(?-i:(?![a-z])[^\W\d_]).{1,60})?" + _READING
)

# Month names of other languages (German, French, Spanish, Italian,
# Portuguese, Dutch, the Scandinavian ones), as their first letters give
# them: `3. Mai 2024`, `15 de octubre de 2024`, `5 maggio 2024`.
OTHER_MONTHS = {
    "januar": 1, "jänner": 1, "janvier": 1, "enero": 1, "gennaio": 1,
    "janeiro": 1, "januari": 1,
    "februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "febbraio": 2,
    "fevereiro": 2, "februari": 2,
    "märz": 3, "mars": 3, "marzo": 3, "março": 3, "maart": 3,
    "april": 4, "avril": 4, "abril": 4, "aprile": 4,
    "mai": 5, "mayo": 5, "maggio": 5, "maio": 5, "mei": 5, "maj": 5,
    "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
    "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
    "august": 8, "août": 8, "aout": 8, "agosto": 8, "augustus": 8, "augusti": 8,
    "september": 9, "septembre": 9, "septiembre": 9, "settembre": 9,
    "setembro": 9,
    "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
    "november": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12,
    "dicembre": 12, "dezembro": 12, "december": 12,
    # and as they are cut short: `06. feb 2025`, `3 janv. 2024`, `5 dic 2024`
    "jan": 1, "jän": 1, "janv": 1, "ene": 1, "gen": 1,
    "feb": 2, "févr": 2, "fevr": 2, "fev": 2,
    "mär": 3, "mrz": 3, "mar": 3,
    "apr": 4, "avr": 4, "abr": 4,
    "jun": 6, "giu": 6,
    "jul": 7, "juil": 7, "lug": 7,
    "aug": 8, "ago": 8,
    "sep": 9, "sept": 9, "set": 9,
    "okt": 10, "oct": 10, "ott": 10, "out": 10,
    "nov": 11,
    "dez": 12, "déc": 12, "dec": 12, "dic": 12,
}  # fmt: skip
_OTHER_MONTH = (
    "(?P<mname>" + "|".join(sorted(OTHER_MONTHS, key=len, reverse=True)) + ")"
)
# labels and weekdays of other languages: `Stand:`, `Veröffentlicht am`,
# `Publié le`, `Publicado`, `Freitag,`
_OTHER_LABEL = (
    r"(?:(?:Stand|Veröffentlicht|Aktualisiert|Erschienen|Erstellt|Publiziert|Publié|"
    r"Offentliggjort|"
    r"Mis à jour|Publicado|Actualizado|Pubblicato|Aggiornato|Publisert|"
    r"Publicerad|Gepubliceerd|Giriş|Yayınlanma)(?:\s+(?:am|le|el|il|em|on|den))?\s*:?\s*)?"
)
_OTHER_WEEKDAY = (
    r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|"
    r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo|mandag|tirsdag|onsdag|torsdag|fredag|"
    r"lørdag|søndag|måndag|tisdag|lördag|söndag|"
    # Vietnamese: `Thứ tư, 22/10/2025`
    r"Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật),?\s+)?"
)
# a time after the date as other languages write it: `, 17:26 Uhr`, `08h30`
_OTHER_TAIL = (
    r"(?:[\s,|·•\-–—]*(?:um\s+|à\s+|a las\s+|alle\s+|kl\.?\s+)?\d{1,2}[:.h]\d\d"
    r"(?::\d\d)?(?:\s*(?:Uhr|h))?(?:\s*\(?[A-Z]{2,4}(?:[+-]\d{1,2})?\)?)?)?"
    # and when it was updated: `Aktualisiert: ...`, `( modifica il ...)`
    r"(?:\s*[|·•,(]?\s*(?:Aktualisiert|Uppdaterad|Oppdatert|Opdateret|Actualizado|"
    r"Mis à jour|Aggiornato|modifica|Güncelleme|Bijgewerkt)\b" + _WHEN + ")?" + _READING
)

# labels of Japanese and Chinese pages: `公開日：2025/01/31 11:30`,
# `发布时间：2024-04-24`; and when it was updated after it
_CJK_LABEL = r"(?:(?:公開日|更新日|配信日|掲載日|投稿日|发布时间|发布日期|發佈時間|發布日期)\s*[:：]\s*)?"
_CJK_UPDATED = r"(?:\s*[|｜(（]?\s*(?:更新日|更新时间|更新日時)\s*[:：]\s*[\d\s/:.年月日時分-]{4,25}[)）]?)?"

_FORMS = [
    re.compile(
        rf"{_LABEL}{_TIME_FIRST}{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TAIL}", re.I
    ),
    # `3. Mai 2024, 17:47`, `15 de octubre de 2024`, `Publié le 5 mai 2024`
    re.compile(
        rf"{_OTHER_LABEL}{_OTHER_WEEKDAY}{_DAY}\.?\s*(?:de\s+)?{_OTHER_MONTH}\.?"
        rf"\s+(?:de\s+)?{_YEAR}{_OTHER_TAIL}",
        re.I,
    ),
    # `2025年1月14日 01時28分`, `2019년 5월 15일`: Chinese, Japanese, Korean
    re.compile(
        rf"{_CJK_LABEL}{_YEAR}\s?[年년]\s?(?P<mon>[01]?\d)\s?[月월]\s?(?P<day>[0-3]?\d)\s?[日일]"
        r"(?:\s*\(?[月火水木金土日一二三四五六]\)?)?"
        r"(?:\s*\d{1,2}[:時시]\s?\d\d[分분]?(?::\d\d)?)?(?:\s*[（(][^)）]{1,30}[)）])?"
        # (and where it comes from: `| 来源：新华网`)
        r"(?:\s*[|｜]?\s*来源[:：]\s*\S{1,20})?"
    ),
    # `22.04.2024, 17:26 Uhr`, `06. 01. 2026`: day first, with full stops
    re.compile(
        rf"{_OTHER_LABEL}{_OTHER_WEEKDAY}(?P<day>[0-3]?\d)\.\s?(?P<mon>[01]?\d)\.\s?"
        rf"{_YEAR}{_OTHER_TAIL}",
        re.I,
    ),
    re.compile(
        rf"{_LABEL}{_TIME_FIRST}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TAIL}", re.I
    ),
    # `29/05/2025 20:00`, `5/22/2025`: read only when the day and the month
    # can be told apart, one over 12 or both the same (not `10/07/2026`)
    re.compile(
        rf"{_OTHER_LABEL}{_OTHER_WEEKDAY}(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/"
        rf"{_YEAR}{_OTHER_TAIL}",
        re.I,
    ),
    re.compile(
        rf"{_LABEL}{_CJK_LABEL}{_YEAR}[-./](?P<mon>[01]?\d)[-./](?P<day>[0-3]?\d)\.?"
        # (a time as ISO 8601 writes it: `2024-02-14T16:15:30Z`)
        rf"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?{_TAIL}"
        rf"{_CJK_UPDATED}",
        re.I,
    ),
]

# `JoongAng Ilbo, Nov. 3, Page 31`: the print edition of the original; the
# year is there only sometimes.
PRINT_EDITION = re.compile(
    rf"(?P<paper>[A-Z][\w.'’ -]{{1,40}}),\s*{_MONTH}\s+{_DAY}(?:,\s*{_YEAR})?,?"
    r"\s*Page\s+\d+\.?",
)

COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright|ⓒ)\D{0,40}?((?:19|20)\d\d)", re.I)


def _make(year: str | int, month: int, day: str | int) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _month(match: re.Match[str]) -> int:
    found = match.groupdict()
    if found.get("mon"):
        return int(match["mon"])
    if found.get("mname"):
        return OTHER_MONTHS[match["mname"].lower()]
    return MONTHS[match["month"][:3].lower()]


_YEAR_DIGITS = re.compile(r"\d\d")


def dateline(line: str) -> date | None:
    """The date when the whole line is a dateline, else None.

    `Published: 17 Jun. 2007, 21:47`, `May 15, 2019`, `Tuesday, May 14, 2019
    10:02 a.m.`, `2019-05-15`, `Posted on 3 March 2020`; in other languages
    `Stand: 22.04.2024, 06:00 Uhr`, `3. Mai 2024`, `15 de octubre de 2024`.
    """
    line = squash(line)
    if len(line) > 100 or not _YEAR_DIGITS.search(line):  # (every form has a year)
        return None
    found = _date_of(line)
    if found is None and (place := PLACE.match(line)):
        found = _date_of(line[place.end() :])
    return found


# where the story was filed, before its date, as wire copy writes it:
# `LONDON, May 3, 2021`, `NEW YORK, May 3, 2021`, `Madrid-29/05/2025` (not
# `Then, May 3, 2021`, `Dublin, 3 May 2021` in a list of tour dates, nor
# `ANA RUIZ, 03.05.2021`: a byline)
PLACE = re.compile(
    r"[A-Z]{3,},\s|[A-Z]{3,}[ -][A-Z]{3,},\s(?=[^\W\d_])|[A-Z][^\W\d_]+-(?=[0-3]?\d[./])"
)


def _date_of(line: str) -> date | None:
    for form in _FORMS:
        if m := form.fullmatch(line):
            if m.groupdict().get("first"):
                return _day_and_month(m)
            return _make(m["year"], _month(m), m["day"])
    return None


def _day_and_month(match: re.Match[str]) -> date | None:
    """The date of `first/second/year`, day first or month first as the
    figures show (one over 12, or both the same), else None."""
    first, second = int(match["first"]), int(match["second"])
    if first == second or (first > 12 >= second):
        return _make(match["year"], second, first)
    if second > 12 >= first:
        return _make(match["year"], first, second)
    return None


def print_edition(line: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) when the line is a print-edition credit."""
    m = PRINT_EDITION.fullmatch(squash(line))
    if m is None:
        return None
    year = int(m["year"]) if m["year"] else None
    return _month(m), int(m["day"]), year


def print_date(month: int, day: int, year: int | None) -> date | None:
    return _make(year, month, day) if year else None


def copyright_year(line: str) -> int | None:
    """The year of a copyright line, e.g. `ⓒ Korea JoongAng Daily 2019`."""
    if len(line) > 200:
        return None
    m = COPYRIGHT_YEAR.search(line)
    return int(m[1]) if m else None
