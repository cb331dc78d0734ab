"""Every change readers could see shows at once on every page it touches, cache or not."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from blog.models import Post, PostStatus
from tests.columns.factories import ColumnFactory, RepublicationFactory
from tests.comments.factories import CommentFactory
from tests.factories import EditorFactory, PostFactory
from tests.pages.factories import PageFactory
from wordpress.models import Redirect

from .conftest import cached_html

pytestmark = pytest.mark.django_db

LISTS = ["/", "/tag/internet/", "/language/fr/", "/feed/", "/sitemap.xml"]


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def reader():
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("url", LISTS)
def test_publishing_a_draft_shows_it_on_every_list(reader, editor_client, url):
    """A draft published from the admin appears at once on the home, tag and language pages, feeds and sitemap."""
    PostFactory(tags=["internet"])
    draft = PostFactory(title="Tout neuf", slug="tout-neuf", status=PostStatus.DRAFT, tags=["internet"])
    assert "tout-neuf" not in cached_html(reader, url)
    editor_client.post(admin_url(Post, "changelist"), {"action": "publish", "_selected_action": [draft.pk]})
    assert "tout-neuf" in reader.get(url).content.decode()


@pytest.mark.parametrize("url", ["/", "POST"])
def test_unpublishing_takes_a_post_off_at_once(reader, editor_client, url):
    """Unpublished with the admin action (a queryset update), a post leaves the lists and its page answers 404."""
    post = PostFactory(title="Bientôt retiré")
    url = post.get_absolute_url() if url == "POST" else url
    assert "Bientôt retiré" in cached_html(reader, url)
    editor_client.post(admin_url(Post, "changelist"), {"action": "unpublish", "_selected_action": [post.pk]})
    response = reader.get(url)
    assert response.status_code == (404 if url == post.get_absolute_url() else 200)
    assert "Bientôt retiré" not in response.content.decode()


def test_editing_a_post_shows_on_its_page_and_the_lists(reader):
    """A new title shows on the post page, the home page and the feed."""
    post = PostFactory(title="Ancien titre")
    pages = [post.get_absolute_url(), "/", "/feed/"]
    for url in pages:
        assert "Ancien titre" in cached_html(reader, url)
    post.title = "Nouveau titre"
    post.save()
    for url in pages:
        html = reader.get(url).content.decode()
        assert "Nouveau titre" in html and "Ancien titre" not in html


def test_scheduled_post_appears_when_its_time_comes(reader):
    """A scheduled post shows by itself at its date, though nothing was written since the page was cached."""
    PostFactory(title="Déjà là")
    PostFactory(title="Programmé", published_at=timezone.now() + datetime.timedelta(seconds=1.5))
    for url in ["/", "/feed/"]:
        assert "Programmé" not in cached_html(reader, url)
    time.sleep(2)
    for url in ["/", "/feed/"]:
        assert "Programmé" in reader.get(url).content.decode()


def test_scheduled_page_enters_the_menu_when_its_time_comes(reader):
    """A page scheduled in the navigation shows in every page's menu at its date, with no write to announce it."""
    PostFactory(title="Déjà là")
    PageFactory(title="Agenda", in_navigation=True, published_at=timezone.now() + datetime.timedelta(seconds=1.5))
    etag = reader.get("/")["ETag"]
    assert ">Agenda<" not in cached_html(reader, "/")
    time.sleep(2)
    response = reader.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert ">Agenda<" in response.content.decode()


def test_an_old_address_added_by_hand_takes_over_a_kept_page(reader):
    """`/?p=12` shows the home page until an editor adds its redirect; then it leads to the post at once."""
    post = PostFactory()
    assert reader.get("/?p=12").status_code == 200
    cached_html(reader, "/?p=12")
    Redirect.objects.create(old_path="/?p=12", post=post)
    assert reader.get("/?p=12")["Location"] == post.get_absolute_url()


def test_approving_and_removing_a_comment_show_at_once(reader, editor_client):
    """A comment approved in the admin appears on its post; removed with the action, it is gone."""
    post = PostFactory()
    comment = CommentFactory(post=post, status="pending", body="Un avis attendu.")
    Comment = type(comment)
    assert "Un avis attendu." not in cached_html(reader, post.get_absolute_url())
    editor_client.post(admin_url(Comment, "changelist"), {"action": "approve", "_selected_action": [comment.pk]})
    assert "Un avis attendu." in reader.get(post.get_absolute_url()).content.decode()
    assert "Un avis attendu." in cached_html(reader, post.get_absolute_url())
    editor_client.post(admin_url(Comment, "changelist"), {"action": "remove", "_selected_action": [comment.pk]})
    assert "Un avis attendu." not in reader.get(post.get_absolute_url()).content.decode()


def test_renaming_a_tag_shows_on_posts_and_lists(reader):
    """A tag renamed shows under the post and in the sidebar."""
    post = PostFactory(tags=["internet"])
    for url in [post.get_absolute_url(), "/"]:
        assert "Toile" not in cached_html(reader, url)
    tag = Tag.objects.get(name="internet")
    tag.name = "Toile"
    tag.save()
    for url in [post.get_absolute_url(), "/"]:
        assert "Toile" in reader.get(url).content.decode()


def test_a_new_tag_changes_the_similar_posts_of_other_posts(reader):
    """Tagging a post makes it a similar post under another post's page at once."""
    post = PostFactory(tags=["cluetrain"])
    other = PostFactory(title="Un voisin", tags=["autre"])
    assert "Un voisin" not in cached_html(reader, post.get_absolute_url())
    other.tags.add("cluetrain")
    assert "Un voisin" in reader.get(post.get_absolute_url()).content.decode()


def test_editing_a_summary_shows_on_the_lists(reader):
    """A summary written after the page was cached shows on the home page and in the feed."""
    post = PostFactory(summary={"en": "First summary."})
    for url in ["/", "/feed/"]:
        assert "First summary." in cached_html(reader, url)
    post.set_current_language("en")
    post.summary = "A better summary."
    post.save_translations()
    for url in ["/", "/feed/"]:
        assert "A better summary." in reader.get(url).content.decode()


def test_republication_and_column_changes_show_on_the_post(reader):
    """Linking a post to its original shows the notice; a new column description shows as its summary."""
    post = PostFactory(title="Une chronique")
    assert "Chroniques du monde connecté" not in cached_html(reader, post.get_absolute_url())
    RepublicationFactory(post=post, column=ColumnFactory(description={"en": "Old description."}))
    html = cached_html(reader, post.get_absolute_url())
    assert "Old description." in html
    assert "Chroniques du monde connecté" in html
    assert "Chroniques du monde connecté" in reader.get("/").content.decode()  # the card's column line
    column = post.republication.column
    column.set_current_language("en")
    column.description = "New description."
    column.save_translations()
    assert "New description." in reader.get(post.get_absolute_url()).content.decode()


def test_deleting_a_post_takes_it_off_the_sitemap(reader):
    """A deleted post leaves the sitemap at once."""
    post = PostFactory(slug="a-effacer")
    assert "a-effacer" in cached_html(reader, "/sitemap.xml")
    Post.objects.filter(pk=post.pk).delete()
    assert "a-effacer" not in reader.get("/sitemap.xml").content.decode()
