from blog.markup import markdown_to_html, render


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
