from blog.markup import markdown_to_html


def test_hashtag_opening_a_line_stays_text():
    """A line starting with a hashtag (#back2blog) stays a paragraph with its #, not a heading."""
    html = markdown_to_html("Merci !\n\n#back2blog challenge (9/10)\n\n##lift06, suite")
    assert "<p>#back2blog challenge (9/10)</p>" in html
    assert "<p>##lift06, suite</p>" in html
    assert "<h1>" not in html and "<h2>" not in html


def test_hash_and_space_still_make_headings():
    """`# Titre` and `## Sous-titre ##` are still headings."""
    html = markdown_to_html("# Titre\n\n## Sous-titre ##\n\nTexte\n### Dans le bloc")
    assert "<h1>Titre</h1>" in html and "<h2>Sous-titre</h2>" in html
    assert "<p>Texte</p>\n<h3>Dans le bloc</h3>" in html
