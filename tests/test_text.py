"""newsarchive.text gives what the plain definitions give, on any text: the
word count shown on article pages and the spacing of titles, bylines and
paragraphs (which the duplicate check and the URLs rest on)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsarchive.text import squash, word_count

# spaces of every kind, word characters in and out of ASCII, punctuation
# that curly-quoted text holds, and a lone surrogate as decoding may leave
TEXT = st.text(
    st.sampled_from(
        list("ab_9 .,'-\t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000\u200b\xad")
        + list("é“”’—…ㄱ한٣²")
        + ["\ud800", "\U0001f600"]
    ),
    max_size=60,
)


@settings(max_examples=2000)
@given(TEXT)
@example("“Quoted” — text’s words, 2019.")
@example("Café owner’s 12 words")
def test_word_count_counts_as_the_regex_does(text: str) -> None:
    assert word_count(text) == len(re.findall(r"\w+", text))


@settings(max_examples=2000)
@given(TEXT | st.text())
@example(" lead and trail ")
@example("no\u00a0break")
def test_squash_spaces_as_split_and_join_do(text: str) -> None:
    assert squash(text) == " ".join(text.split())
