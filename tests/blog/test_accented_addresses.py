import datetime
import unicodedata
from urllib.parse import quote

import pytest
from django.utils import timezone

from tests.factories import PostFactory
from wordpress.models import Redirect

pytestmark = pytest.mark.django_db

SLUGS = ["écrire-pour-le-web-mes-outils-en-2026", "l-œuvre-au-cœur", "garçon-français", "naïveté-ü-ß"]


def day():
    return timezone.make_aware(datetime.datetime(2026, 3, 5, 12))


@pytest.mark.parametrize("slug", SLUGS)
def test_accented_post_opens_without_redirect(client, slug):
    """A post whose slug has accents, œ or ç answers 200 at its own address, percent-encoded as browsers send it."""
    post = PostFactory(title="Écrire pour le web", slug=slug, published_at=day())
    url = post.get_absolute_url()
    assert "%" in url  # what reverse() gives and what a browser sends
    response = client.get(url)
    assert response.status_code == 200
    assert "Écrire pour le web" in response.content.decode()


@pytest.mark.parametrize("slug", SLUGS)
def test_accented_post_with_lowercase_escapes_opens(client, slug):
    """Lowercase percent-escapes (as WordPress wrote them) reach the same page without a redirect loop."""
    post = PostFactory(slug=slug, published_at=day())
    url = post.get_absolute_url()
    lower = "/2026/03/05/" + quote(slug).lower() + "/"
    assert client.get(lower).status_code == 200
    assert client.get(url).status_code == 200


def test_decomposed_accents_redirect_once_to_the_composed_address(client):
    """An address typed with decomposed accents (e + U+0301) lands on the post after one redirect."""
    post = PostFactory(slug="été-à-genève", published_at=day())
    decomposed = "/2026/03/05/" + quote(unicodedata.normalize("NFD", "été-à-genève")) + "/"
    response = client.get(decomposed)
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_wrong_date_of_accented_post_redirects_once(client):
    """A wrong date in an accented address redirects once to the right one, which answers 200."""
    post = PostFactory(slug="œuvres-complètes", published_at=day())
    response = client.get("/2026/03/06/" + quote("œuvres-complètes") + "/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_old_accented_wordpress_address_redirects_to_the_post(client):
    """An imported WordPress address with an accented slug answers 301 to the post, which answers 200."""
    post = PostFactory(slug="français-ça-marche", published_at=day())
    Redirect.objects.create(old_path="/archives/français-ça-marche/", post=post)
    response = client.get("/archives/" + quote("français-ça-marche") + "/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_accented_tag_feed_names_its_own_address(client):
    """A feed under an accented tag gives its own address percent-encoded, not raw."""
    post = PostFactory(published_at=day())
    post.tags.add("écriture")
    response = client.get("/tag/" + quote("écriture") + "/feed/")
    assert response.status_code == 200
    assert quote("écriture") in response.content.decode()
