"""Synthetic archives for the benchmark: raw JoongAng-style dumps plus a
manifest, and the same articles as Markdown for stock Pelican."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

SECTIONS = {
    "National": ["Politics", "Social Affairs", "Defense", "Education"],
    "Business": ["Economy", "Industry", "Finance", "Tech"],
    "Culture": ["Entertainment", "Arts & Design", "Books", "K-pop"],
    "Sports": ["Baseball", "Football", "Golf"],
    "Opinion": ["Editorials", "Columns", "Letters"],
    "Foreign Affairs": ["North Korea", "Diplomacy"],
    "Lifestyle": ["Food", "Travel", "Health"],
    "Science": ["Environment", "Space"],
}
SECTION_WEIGHTS = [30, 22, 14, 10, 8, 8, 5, 3]

SYLLABLES = "ka ri mo sun ta le ven dor pa chi nam sol gu hae in bo ra te um an".split()
GIVEN = (
    "Sarah Min-ji Ji-hoon Seo-yeon David Hyun-woo Eun-ji Jae-sung Lee Soo-jin".split()
)
FAMILY = "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon".split()

CRUFT = """Log in to Twitter or Facebook account to connect
with the Korea JoongAng Daily
help-image Social comment?
s
lock icon

To write comments, please log in to one of the accounts.

Standards Board Policy (0/250자)"""


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3))))


class Vocabulary:
    def __init__(self, rng: random.Random, size: int = 3000) -> None:
        self.words = sorted({_word(rng) for _ in range(size)})
        # Zipf-like: earlier words far more frequent
        self.weights = [1 / (i + 1) for i in range(len(self.words))]

    def sentence(self, rng: random.Random) -> str:
        n = rng.randint(8, 24)
        words = rng.choices(self.words, self.weights, k=n)
        text = " ".join(words).capitalize()
        if rng.random() < 0.2:
            text = f"“{text},” {rng.choice(FAMILY)} said"
        return text + "."


def make_authors(rng: random.Random, n: int = 500) -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    while len(names) < n:
        given = rng.choice(GIVEN) if rng.random() < 0.5 else _word(rng).capitalize()
        name = f"{given} {rng.choice(FAMILY)}"
        email = f"{name.split()[-1].lower()}.{given.lower()}@joongang.co.kr"
        names.setdefault(name, email)
    return sorted(names.items())


def generate(target: Path, n: int, seed: int = 5) -> None:
    """Write `target`/raw/seeds (raw dumps + manifest.csv) and
    `target`/md/content (the same articles as Markdown)."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    authors = make_authors(rng)
    author_weights = [1 / (i + 1) ** 0.8 for i in range(len(authors))]
    tags = sorted(
        {
            " ".join(_word(rng) for _ in range(rng.choice((1, 2)))).title()
            for _ in range(1500)
        }
    )
    tag_weights = [1 / (i + 1) for i in range(len(tags))]
    sections = list(SECTIONS)
    start = date(2005, 1, 1)
    span = (date(2024, 12, 31) - start).days

    raw = target / "raw" / "seeds"
    md = target / "md" / "content"
    raw.mkdir(parents=True, exist_ok=True)
    md.mkdir(parents=True, exist_ok=True)
    # numbered in date order, as an archive grows: the last files are the newest
    days = sorted(rng.randint(0, span) for _ in range(n))
    rows = []
    for i in range(n):
        section = rng.choices(sections, SECTION_WEIGHTS)[0]
        sub = rng.choice(SECTIONS[section])
        title = " ".join(_word(rng) for _ in range(rng.randint(3, 8))).capitalize()
        title += f" {i}"  # unique, so no two articles collide
        words = rng.randint(500, 1000)
        paras: list[str] = []
        count = 0
        while count < words:
            para = " ".join(vocab.sentence(rng) for _ in range(rng.randint(2, 5)))
            paras.append(para)
            count += len(para.split())
        by = rng.choices(authors, author_weights, k=2 if rng.random() < 0.1 else 1)
        by = list(dict.fromkeys(by))
        day = start + timedelta(days=days[i])
        art_tags = sorted(set(rng.choices(tags, tag_weights, k=rng.randint(2, 6))))
        byline = " and ".join(name.upper() for name, _ in by)
        name = f"{i // 1000:03d}/{i:06d}.txt"
        text = "\n\n".join(
            [title, f"Home > {section} > {sub}", "print dictionary print", title]
            + paras
        )
        text += f"\n\nBY {byline} [{by[0][1]}]\n{CRUFT}\n"
        path = raw / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        rows.append(
            [
                name,
                day.isoformat(),
                f"https://koreajoongangdaily.joins.com/article.aspx?aid={3000000 + i}",
                ", ".join(art_tags),
            ]
        )
        body = "\n\n".join(paras)
        mdpath = md / f"{i // 1000:03d}" / f"{i:06d}.md"
        mdpath.parent.mkdir(exist_ok=True)
        mdpath.write_text(
            f"Title: {title}\nDate: {day.isoformat()}\nCategory: {section}\n"
            f"Tags: {', '.join(art_tags)}\nAuthors: {', '.join(n for n, _ in by)}\n"
            f"Summary: {paras[0]}\n\n{body}\n",
            encoding="utf-8",
        )
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "date", "source_url", "tags"])
        writer.writerows(rows)
