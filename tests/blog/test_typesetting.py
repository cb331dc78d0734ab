import pytest

from blog.typesetting import curled
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

BODY = """Aujourd'hui, l'été de l'*œuvre* : [L'Étranger](https://fr.wikipedia.org/wiki/L'Étranger).

Un mot 'entre guillemets', du "Personal Branding"? et `print('l'été', "x")` reste du code.

    d'autres = 'lignes'
"""


def test_a_french_post_prints_the_apostrophes_and_quotes_she_typed_as_typesetters_do(client):
    """WordPress showed the straight apostrophes and double quotes of twenty years of posts curled: moved in, they
    stay so, in the title, the body and the summary; not in an address, nor in code, nor single quotes."""
    post = PostFactory(
        title="L'été d'une œuvre", language="fr", body=BODY, summary={"en": 'Summer\'s work, and the "author".'}
    )
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<title>L’été d’une œuvre — Carnet</title>" in html
    assert "<h1>L’été d’une œuvre</h1>" in html
    assert "<p>Aujourd’hui, l’été de l’<em>œuvre</em>\u202f:" in html
    assert '<a href="https://fr.wikipedia.org/wiki/L\'Étranger" rel="noopener">L’Étranger</a>' in html
    assert "Un mot 'entre guillemets', du “Personal Branding”? et <code>print('l'été', \"x\")</code> reste" in html
    assert "<pre tabindex=\"0\"><code>d'autres = 'lignes'" in html
    assert "Summer’s work, and the “author”." in html
    assert "d'une" not in html and "L&#x27;" not in html.split("<pre")[0]


def test_search_results_and_feeds_print_them_too(client):
    PostFactory(title="L'été", language="fr", body="Le jardin d'été, l'été \"dernier\".")
    results = client.get("/search/", {"q": "été"}).content.decode()
    assert "L’<mark>été</mark>" in results and "jardin d’<mark>été</mark>, l’<mark>été</mark> “dernier”" in results
    feed = client.get("/feed/").content.decode()
    assert "<title>L’été</title>" in feed and "jardin d’été, l’été “dernier”" in feed


@pytest.mark.parametrize(
    ("html", "printed"),
    [
        ("l&#x27;été, l&#39;hiver", "l’été, l’hiver"),
        ("<p>l'<mark>été</mark> et <a href=\"/l'été\" title=\"l'été\">l'été</a></p>", None),
        ("'guillemets' d' abord", "'guillemets' d' abord"),
        ("<pre><code>l'été</code></pre><p>l'été</p>", "<pre><code>l'été</code></pre><p>l’été</p>"),
        ("<code>l'été</code> rock'n'roll", "<code>l'été</code> rock’n’roll"),
    ],
)
def test_only_apostrophes_typed_in_the_text_between_letters_are_curled(html, printed):
    expected = printed or '<p>l’<mark>été</mark> et <a href="/l\'été" title="l\'été">l’été</a></p>'
    assert curled(html) == expected


@pytest.mark.parametrize(
    ("html", "printed"),
    [
        ('Il a dit "bonjour", &quot;vite&quot;.', "Il a dit “bonjour”, “vite”."),
        ('<p>"<em>Mot</em>" (et "entre")</p>', "<p>“<em>Mot</em>” (et “entre”)</p>"),
        ('<a href="/x" title="un titre">"lien"</a>', '<a href="/x" title="un titre">“lien”</a>'),
        ('un " seul, <code>"x"</code>', 'un " seul, <code>"x"</code>'),
    ],
)
def test_double_quotes_typed_in_the_text_open_and_close_a_word(html, printed):
    assert curled(html) == printed
