"""The escape the theme's templates call is markupsafe's, made faster."""

from __future__ import annotations

import jinja2
import markupsafe
from hypothesis import given
from hypothesis import strategies as st

import news_speed
from news_build.pelican_seams import escape


class Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


class Text(str):
    pass


@given(st.text())
def test_same_as_markupsafe_for_any_text(text: str) -> None:
    got = escape(text)
    assert type(got) is markupsafe.Markup
    assert got == markupsafe.escape(text)


def test_same_as_markupsafe_for_other_values() -> None:
    for value in [None, 3, 2.5, markupsafe.Markup("<i>x</i>"), Html(), Text("<&>")]:
        got = escape(value)
        assert type(got) is markupsafe.Markup, value
        assert got == markupsafe.escape(value), value


def test_templates_compiled_after_registering_call_it() -> None:
    news_speed.register()
    env = jinja2.Environment(autoescape=True)
    template = env.from_string("<p title='{{ t }}'>{{ t }}{{ m }}</p>")
    assert template.root_render_func.__globals__["escape"] is escape
    html = template.render(t="<a & 'b'>", m=markupsafe.Markup("<br>"))
    assert html == (
        "<p title='&lt;a &amp; &#39;b&#39;&gt;'>&lt;a &amp; &#39;b&#39;&gt;<br></p>"
    )
