import datetime
import unicodedata
from urllib.parse import quote

import pytest
from django.utils import timezone

from blog.models import PostStatus
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def rename(post, slug=None, published_at=None):
    post.slug = slug or post.slug
    post.published_at = published_at or post.published_at
    post.save()


def test_changed_slug_keeps_the_old_address_answering_301(client):
    """After the slug of a published post changes, its old address redirects permanently to the new one."""
    post = PostFactory(slug="premier-jet", published_at=at(2024, 3, 5))
    rename(post, slug="version-finale")
    response = client.get("/2024/03/05/premier-jet/")
    assert response.status_code == 301
    assert response["Location"] == "/2024/03/05/version-finale/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("old_slug", ["l-été-de-l-œuvre", "ça-commence", "écrire"])
@pytest.mark.parametrize("encoding", ["raw", "percent", "decomposed"])
def test_old_accented_slugs_redirect_however_the_address_is_written(client, old_slug, encoding):
    """Old accented slugs (imported from WordPress) redirect, written raw, percent-encoded or decomposed (NFD)."""
    post = PostFactory(slug=old_slug, published_at=at(2010, 7, 1))
    rename(post, slug="nouvelle-adresse")
    path = {
        "raw": f"/2010/07/01/{old_slug}/",
        "percent": quote(f"/2010/07/01/{old_slug}/"),
        "decomposed": quote(unicodedata.normalize("NFD", f"/2010/07/01/{old_slug}/")),
    }[encoding]
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == "/2010/07/01/nouvelle-adresse/"


def test_old_address_redirects_to_an_accented_new_slug_without_looping(client):
    """From an old slug to an accented one: one redirect to the percent-encoded address, which answers 200."""
    post = PostFactory(slug="ancienne", published_at=at(2010, 7, 1))
    rename(post, slug="œuvre-complète")
    response = client.get("/2010/07/01/ancienne/")
    assert response["Location"] == quote("/2010/07/01/œuvre-complète/")
    assert client.get(response["Location"]).status_code == 200


def test_changed_date_and_slug_together(client):
    """The address under the old date and old slug leads to the new date and slug."""
    post = PostFactory(slug="avant", published_at=at(2020, 1, 2))
    rename(post, slug="apres", published_at=at(2021, 6, 7))
    response = client.get("/2020/01/02/avant/", follow=True)
    assert response.redirect_chain[-1] == ("/2021/06/07/apres/", 301)
    assert response.status_code == 200


def test_changed_date_alone_redirects(client):
    """Only the date changed: the old address still answers 301 to the new one."""
    post = PostFactory(slug="la-date", published_at=at(2020, 1, 2))
    rename(post, published_at=at(2020, 2, 3))
    response = client.get("/2020/01/02/la-date/")
    assert (response.status_code, response["Location"]) == (301, "/2020/02/03/la-date/")


def test_comments_feed_under_the_old_slug_redirects_too(client):
    """Addresses under the post's old permalink (its comments feed) follow to the new one."""
    post = PostFactory(slug="premier", published_at=at(2024, 3, 5))
    rename(post, slug="second")
    response = client.get("/2024/03/05/premier/comments/feed/")
    assert (response.status_code, response["Location"]) == (301, "/2024/03/05/second/comments/feed/")


def test_slugs_of_a_draft_leave_no_old_address(client):
    """A draft was never public: renaming it leaves nothing behind."""
    post = PostFactory(slug="brouillon", status=PostStatus.DRAFT)
    rename(post, slug="brouillon-renomme")
    assert post.old_slugs.count() == 0
    assert client.get("/2024/03/05/brouillon/").status_code == 404


def test_taking_back_an_old_slug_and_a_new_post_on_an_old_address(client):
    """A post that takes back its old slug, or a new post taking another's old slug, answers at that address."""
    post = PostFactory(slug="aller", published_at=at(2024, 3, 5))
    rename(post, slug="retour")
    rename(post, slug="aller")
    assert client.get("/2024/03/05/aller/").status_code == 200
    assert (client.get("/2024/03/05/retour/"))["Location"] == "/2024/03/05/aller/"
    newcomer = PostFactory(slug="retour", published_at=at(2024, 3, 5))
    assert client.get(newcomer.get_absolute_url()).status_code == 200


def test_unpublished_post_old_address_is_a_404(client):
    """An old address of a post taken back to draft reveals nothing."""
    post = PostFactory(slug="visible", published_at=at(2024, 3, 5))
    rename(post, slug="cache")
    post.status = PostStatus.DRAFT
    post.save()
    assert client.get("/2024/03/05/visible/").status_code == 404


def test_pages_that_exist_do_not_look_up_old_slugs(client, django_assert_num_queries):
    """An unknown address that is no permalink costs no lookup of old slugs."""
    PostFactory(slug="x")
    with django_assert_num_queries(3):  # the page it could be, the WordPress redirects (any 404), the 404's menu
        assert client.get("/nowhere/at/all/").status_code == 404
