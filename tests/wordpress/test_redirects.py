import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EditorFactory, PostFactory
from wordpress.models import Redirect

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


def test_old_permalink_answers_301_to_the_new_address(run_import, client):
    """The WordPress permalink of an imported post redirects permanently to its Carnet address."""
    run_import(FIXTURES / "blog.xml")
    response = client.get("/en/polylang-speaks-english/")
    assert response.status_code == 301
    assert response["Location"] == "/2040/01/01/polylang-speaks-english/"


def test_short_link_answers_301(run_import, client):
    """`/?p=ID` redirects to the post, even though `/` itself is a page."""
    run_import(FIXTURES / "blog.xml")
    response = client.get("/?p=101")
    assert response.status_code == 301
    assert response["Location"] == "/2016/03/04/internet-espace-de-vie/"
    assert client.get(response["Location"]).status_code == 200


def test_old_address_without_trailing_slash_redirects(client):
    """An old address typed without its final slash still finds its redirect."""
    post = PostFactory()
    Redirect.objects.create(old_path="/archives/old-post/", post=post)
    response = client.get("/archives/old-post")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_redirect_follows_the_post_when_its_slug_changes(client):
    """A redirect to a post points at the post's current address."""
    post = PostFactory(slug="before")
    Redirect.objects.create(old_path="/old/", post=post)
    post.slug = "after"
    post.save()
    assert client.get("/old/")["Location"] == post.get_absolute_url()


def test_manual_redirect_to_any_address(client):
    """A redirect without a post sends readers to its target."""
    Redirect.objects.create(old_path="/old-feed/atom/", target="/feed/")
    assert client.get("/old-feed/atom/")["Location"] == "/feed/"


def test_unknown_address_costs_one_query(client, django_assert_num_queries):
    """A 404 looks up the redirects once, on the indexed old path."""
    Redirect.objects.create(old_path="/elsewhere/", target="/")
    with django_assert_num_queries(3):  # + the page that address could be, + the 404 page's menu
        response = client.get("/nothing/here/")
    assert response.status_code == 404


def test_normal_page_costs_no_extra_query(client):
    """A page that exists does not look at the redirects."""
    post = PostFactory()
    client.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as context:
        assert client.get(post.get_absolute_url()).status_code == 200
    assert context.captured_queries
    assert not any("wordpress_redirect" in query["sql"] for query in context.captured_queries)


def test_redirect_admin_lists_redirects(client, django_assert_num_queries):
    """Editors see the redirects and their targets, in the same number of queries for few or many."""
    editor = EditorFactory(is_superuser=True)
    client.force_login(editor)
    url = reverse("admin:wordpress_redirect_changelist")
    Redirect.objects.create(old_path="/?p=1", post=PostFactory(slug="one"))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(2, 12):
        Redirect.objects.create(old_path=f"/?p={number}", post=PostFactory())
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert "/?p=11" in response.content.decode()
