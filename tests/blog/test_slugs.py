import datetime

import pytest

from blog.models import Post
from blog.slugs import slug_from_title
from tests.factories import AuthorFactory, PostFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("L'été de l'œuvre", "l-ete-de-l-oeuvre"),
        ("Écrire pour le web : mes outils en 2026", "ecrire-pour-le-web-mes-outils-en-2026"),
        ("Ça, c’est la fête !", "ca-c-est-la-fete"),
        ("Ex æquo à Straße", "ex-aequo-a-strasse"),
        ("Notes from a workshop in Neuchâtel", "notes-from-a-workshop-in-neuchatel"),
        ("  -- ¿Qué? --  ", "que"),
    ],
)
def test_slug_from_title_is_plain_ascii_that_reads_well(title, slug):
    """Accents dropped, ligatures spelt out, apostrophes become hyphens."""
    assert slug_from_title(title) == slug


def test_slug_is_cut_at_a_hyphen():
    """A long title gives a slug no longer than asked, never ending inside a word."""
    assert slug_from_title("Une histoire de longueur vraiment excessive", 20) == "une-histoire-de"


@pytest.mark.django_db
def test_empty_slug_is_made_from_the_title_and_kept_unique():
    """A post saved without a slug gets one from its title; a second post with the same title gets `-2`."""
    first = PostFactory(title="L'été de l'œuvre", slug="")
    second = PostFactory(title="L'été de l'œuvre", slug="")
    assert (first.slug, second.slug) == ("l-ete-de-l-oeuvre", "l-ete-de-l-oeuvre-2")


@pytest.mark.django_db
def test_title_with_no_latin_letters_keeps_them():
    """A title in another script still gets a meaningful slug rather than "post"."""
    assert PostFactory(title="Ελληνικά", slug="").slug == "ελληνικά"


@pytest.mark.django_db
def test_admin_form_without_slug_publishes_an_ascii_address(client):
    """Without JavaScript the slug field stays empty: the post still gets a working ASCII address."""
    client.force_login(AuthorFactory())
    response = client.post(
        "/admin/blog/post/add/?language=fr",
        {
            "title": "Écrire pour le web : mes outils",
            "slug": "",
            "language": "fr",
            "body": "Texte.",
            "status": "published",
            "published_at_0": "2026-01-15",
            "published_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = Post.objects.get()
    assert post.get_absolute_url() == "/2026/01/15/ecrire-pour-le-web-mes-outils/"
    assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_admin_still_accepts_an_accented_slug(client):
    """Slugs typed (or imported) with accents remain valid: the rule only applies to what Carnet makes."""
    client.force_login(AuthorFactory())
    response = client.post(
        "/admin/blog/post/add/?language=fr",
        {"title": "Déjà", "slug": "déjà-vu", "language": "fr", "body": "Texte.", "status": "draft"},
    )
    assert response.status_code == 302
    assert Post.objects.get().slug == "déjà-vu"


@pytest.mark.django_db
def test_a_slug_another_post_has_is_refused_naming_that_post_and_keeping_what_was_typed(client):
    """Not Django's "Post with this Slug already exists": which post has the address, and a free one to take."""
    PostFactory(title="L'été, déjà", slug="ete", published_at=datetime.datetime(2026, 7, 14, 10, tzinfo=datetime.UTC))
    PostFactory(title="Encore l'été", slug="ete-2")
    client.force_login(AuthorFactory())
    response = client.post(
        "/admin/blog/post/add/?language=fr",
        {"title": "Un autre été", "slug": "ete", "language": "fr", "body": "Mon texte, tapé.", "status": "draft"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "L’article «\u202fL&#x27;été, déjà\u202f» (14 juillet 2026) a déjà cette adresse." in html
    assert "Choisissez-en une autre, par exemple «\u202fete-3\u202f»." in html
    assert "Mon texte, tapé.</textarea>" in html
    assert Post.objects.count() == 2
