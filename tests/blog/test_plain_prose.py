"""Summaries of plain prose skip the Markdown parser (blog.markup.is_plain_prose): the HTML must be what
Markdown gives, for every text the shortcut takes."""

import random

import pytest

from blog import markup
from tests.acceptance.test_seed_pages import seed_posts

# Letters, accents, French spaces and punctuation, digits, and every character that opens a block at the
# start of a line or means something to Markdown in the middle of one.
PROSE = list("abcdeéèàçÉ  \u00a0\u202f.,;:!?«»'\"’()-+=#%$@/0123456789") + ["\n", "\n\n", "\n\n\n", "  \n", "1. ", "- "]
MARKUP = list("*_`\\[]<>&|~{}\t\r\x02\x0b\u2028")


def through_markdown(text):
    return markup.clean_html(markup.converter().convert(text))


def test_plain_prose_gives_what_markdown_gives():
    rng = random.Random(13)
    taken = 0
    for _ in range(20000):
        text = "".join(rng.choice(MARKUP if rng.random() < 0.01 else PROSE) for _ in range(rng.randint(1, 40)))
        if markup.is_plain_prose(text):
            taken += 1
            assert markup.markdown_to_html(text) == through_markdown(text), repr(text)
    assert taken > 1000


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_the_authors_summaries_give_what_markdown_gives(number):
    for seed_post in seed_posts(number):
        for text in seed_post.summaries.values():
            assert markup.markdown_to_html(text) == through_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "Un résumé : « oui » !\n\nDeux paragraphes.",
        "Trailing blank lines\n\n\n",
        "L’été, 2016 ; 14 h 30.\nUne ligne de plus.",
    ],
)
def test_prose_takes_the_shortcut(text):
    assert markup.is_plain_prose(text)
    assert markup.markdown_to_html(text) == through_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "*emphasis*",
        "a line  \nbroken",
        "1. a list",
        "- a list",
        "Title\n===",
        "Term\n: definition",
        "    code",
        "# heading",
        "a [link](https://example.org)",
        "![picture](/media/a.jpg)",
        "<b>html</b>",
        "AT&amp;T",
        "\nleading newline",
        "",
    ],
)
def test_markup_goes_through_markdown(text):
    assert not markup.is_plain_prose(text)
