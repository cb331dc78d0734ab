"""Problems found using Carnet in a browser before release, each kept from coming back."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from comments.templatetags.comment_tags import post_url
from tests.comments.conftest import comment_url, form_data
from tests.comments.factories import CommentFactory
from tests.factories import AuthorFactory, EditorFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_bad_website_address_is_reported_once(french_client):
    """A `javascript:` website gets one French error message, not the same one twice."""
    post = PostFactory()
    response = french_client.post(comment_url(post), form_data(author_url="javascript:alert(1)"))
    html = response.content.decode()
    assert html.count("Saisissez une URL valide.") == 1
    assert 'value="javascript:alert(1)"' in html


@pytest.mark.parametrize("feed", ["latest", "post"])
def test_comments_feeds_claim_no_single_language(french_client, feed):
    """Comments come in both languages, so their feeds carry no <language>, whatever the reader's."""
    post = PostFactory()
    CommentFactory(post=post, body="Bonjour", language="fr")
    CommentFactory(post=post, body="Hello", language="en")
    url = "/comments/feed/" if feed == "latest" else post_url(post, "comments:post-feed")
    parsed = feedparser.parse(french_client.get(url).content)
    assert len(parsed.entries) == 2
    assert "language" not in parsed.feed


def test_each_summary_field_names_its_language(client):
    """On the post form each summary's label says which language it is written in (no tabs any more)."""
    client.force_login(AuthorFactory())
    form = client.get("/admin/blog/post/add/").content.decode()
    assert 'for="id_summary_en">Summary in English<' in form
    assert 'for="id_summary_fr">Summary in French<' in form


def test_summary_label_is_french_in_a_french_admin(french_client):
    """A French-speaking author reads « Résumé en anglais » above the English summary."""
    french_client.force_login(AuthorFactory())
    form = french_client.get("/admin/blog/post/add/").content.decode()
    assert 'for="id_summary_en">Résumé en anglais<' in form


def test_post_list_tells_scheduled_posts_from_published_ones(client):
    """In the admin list a post published with a future date reads "Scheduled", not "Published"."""
    author = AuthorFactory()
    PostFactory(author=author, title="Demain", published_at=timezone.now() + datetime.timedelta(days=3))
    PostFactory(author=author, title="Hier")
    client.force_login(author)
    listing = client.get("/admin/blog/post/").content.decode()
    assert listing.count('<td class="field-publication_status">Scheduled</td>') == 1
    assert listing.count('<td class="field-publication_status">Published</td>') == 1


def test_opening_the_comment_address_leads_to_the_posts_comments(client):
    """A GET on the comment form's address (a reload, a bookmark) redirects to the post's comments."""
    post = PostFactory()
    response = client.get(f"{post.get_absolute_url()}comment/")
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#comments"


def test_an_author_is_not_offered_a_filter_naming_other_authors(client):
    """Authors see only their own posts, so the list has no author filter for them; editors keep it."""
    post = PostFactory(author__display_name="Autre Autrice")
    claire = AuthorFactory(display_name="Claire Martin")
    client.force_login(claire)
    assert "Autre Autrice" not in client.get("/admin/blog/post/").content.decode()
    client.force_login(EditorFactory())
    assert "Autre Autrice" in client.get("/admin/blog/post/").content.decode()
    assert post.pk


def test_sitemap_lists_the_columns_index(client):
    """/columns/ is in the sitemap with the other index pages."""
    assert "/columns/</loc>" in client.get("/sitemap.xml").content.decode()
