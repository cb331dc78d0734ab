import pytest

from blog.markup import markdown_to_html, opening_text, plain_text, render
from blog.text import excerpt


def test_hashtag_opening_a_line_stays_text():
    """A line starting with a hashtag (#back2blog) stays a paragraph with its #, not a heading."""
    html = markdown_to_html("Merci !\n\n#back2blog challenge (9/10)\n\n##lift06, suite")
    assert "<p>#back2blog challenge (9/10)</p>" in html
    assert "<p>##lift06, suite</p>" in html
    assert "<h1>" not in html and "<h2>" not in html


def test_hash_and_space_still_make_headings_below_the_page_title():
    """`# Titre` and `## Sous-titre ##` are still headings; the page's title being its <h1>, a text with a
    first-level heading moves each heading down one level, in the same order."""
    html = markdown_to_html("# Titre\n\n## Sous-titre ##\n\nTexte\n### Dans le bloc")
    assert "<h2>Titre</h2>" in html and "<h3>Sous-titre</h3>" in html
    assert "<p>Texte</p>\n<h4>Dans le bloc</h4>" in html
    assert "<h2>Partie</h2>" in markdown_to_html("## Partie\n\nTexte")  # no <h1>: unchanged


def test_an_imported_first_level_heading_is_not_a_second_page_title():
    html = render("<h1>Raw data</h1><h2>Suite</h2><p>&lt;h1&gt; as text</p><pre><code>h1</code></pre>", "html")
    assert html == "<h2>Raw data</h2><h3>Suite</h3><p>&lt;h1&gt; as text</p><pre><code>h1</code></pre>"


LONG_BODIES = [
    "".join(
        f"<p>Paragraphe {i}\u202f: l’été de l’œuvre &amp; <em>d’autres</em> choses, à Zürich&nbsp;!</p>"
        for i in range(200)
    ),
    "<h2>Un titre</h2><ul>" + "".join(f"<li>point {i} &lt;b&gt;</li>" for i in range(300)) + "</ul><p>Fin.</p>",
    "<p>" + "Un mot " * 30 + "</p>" + "<pre><code>x &lt; y</code></pre>" * 50,  # the first block is enough
    "<blockquote><p>Cité.</p></blockquote>" + "<p>court</p>" * 80 + "<p>" + "long " * 100 + "</p>",
    "Du texte sans aucun bloc, " * 40,  # no block's end: read whole
    "<p>Court.</p>",  # less than wanted: the whole text, without an ellipsis
    "",
]


@pytest.mark.parametrize("html", LONG_BODIES)
def test_the_opening_of_a_body_gives_the_excerpt_its_whole_text_gives(html):
    """A description reads a body's opening only, and says what reading all of it would say."""
    assert excerpt(opening_text(html, 160), 159) == excerpt(plain_text(html), 159)


def test_the_opening_of_a_long_body_is_read_up_to_a_block_end_past_what_is_wanted():
    text = opening_text(LONG_BODIES[0], 160)
    # Its spaces written as one, as plain_text() writes them.
    assert text.startswith("Paragraphe 0 : l’été de l’œuvre & d’autres choses, à Zürich ! Paragraphe 1")
    assert 160 < len(text) < 400 and text.endswith("!")


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Il fait chaud.</p><h2>Le lac en été</h2><p>Un mot.</p>", "Il fait chaud. Le lac en été. Un mot."),
        ("<h2>Pourquoi ? </h2><p>Parce que.</p>", "Pourquoi ? Parce que."),  # its own punctuation kept alone
        ("<h3>Suite&nbsp;:</h3><p>la fin</p>", "Suite : la fin"),
        ("<h3><em>« vu d’ici »</em></h3><p>Suite</p>", "« vu d’ici ». Suite"),
        ("<h2>Notes (2012)</h2><ul><li>un</li><li>deux</li></ul>", "Notes (2012). un deux"),
        ("<h2></h2><p>Rien avant.</p>", "Rien avant."),
    ],
)
def test_a_heading_in_plain_text_ends_as_a_sentence(html, text):
    """On one line (a search excerpt, a page's description) a heading does not run into the sentence after it."""
    assert plain_text(html) == text


def test_a_description_reads_the_heading_as_a_sentence():
    body = markdown_to_html("Il fait chaud à Genève.\n\n## Le lac en été\n\nUn mot très long.")
    assert opening_text(body, 160) == "Il fait chaud à Genève. Le lac en été. Un mot très long."
