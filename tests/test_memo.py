"""news_pages.memo: a fragment is rendered once per article and arguments."""

from jinja2 import Environment

from news_pages.memo import make_memo


class Story:
    def __init__(self, title: str) -> None:
        self.title = title


def test_a_teaser_is_rendered_once_and_reused() -> None:
    env = Environment(autoescape=True)
    calls = []
    env.globals["memo"] = make_memo(limit=3)
    env.globals["seen"] = calls.append
    template = env.from_string(
        "{% macro teaser(a, level=3) %}{{ seen(a.title) or '' }}"
        "<h{{ level }}>{{ a.title }}</h{{ level }}>{% endmacro %}"
        "{% for a in items %}{{ memo(teaser, a, level) }}|{% endfor %}"
    )
    one, two = Story("One & two"), Story("One & two")  # same text, two articles
    out = template.render(items=[one, two, one, one], level=2)
    assert out == "<h2>One &amp; two</h2>|" * 4
    assert len(calls) == 2  # once per article
    assert template.render(items=[one], level=3) == "<h3>One &amp; two</h3>|"
    assert len(calls) == 3  # other arguments, another fragment
    template.render(items=[Story("x")], level=3)  # the limit: starts again
    template.render(items=[one], level=2)
    assert len(calls) == 5
    # with relative URLs, each page its own SITEURL: fragments are not shared
    template.render(items=[one], level=2, SITEURL="..")
    assert len(calls) == 6
