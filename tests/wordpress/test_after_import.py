"""What readers and subscribers meet once an import is done: search, the page cache, e-mail."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from blog.models import Post
from comments.models import Comment, Notification
from tests.comments.factories import SubscriptionFactory
from tests.pagecache.conftest import cached_html

from .conftest import FIXTURES

BLOG = FIXTURES / "blog.xml"
pytestmark = pytest.mark.django_db


def found(client, words):
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    return [result["post"].title for result in response.context["results"]]


def test_search_finds_imported_posts_by_title_summary_and_tag(run_import, client):
    """Imported posts are indexed once the import is done: their titles, summaries and tags are found."""
    run_import(BLOG)
    assert found(client, "espace vie") == ["Internet, espace de vie"]
    assert found(client, "humanness") == ["Internet, espace de vie"]
    assert "Internet, espace de vie" in found(client, "réflexions")


def test_search_follows_a_changed_export(run_import, client, tmp_path):
    """A second run that changes a title changes what search finds."""
    run_import(BLOG)
    changed = tmp_path / "changed.xml"
    changed.write_text(BLOG.read_text().replace("Internet, espace de vie", "Internet, un jardin commun"))
    run_import(changed)
    assert found(client, "jardin") == ["Internet, un jardin commun"]
    assert found(client, "espace vie") == []


def test_a_dry_run_leaves_search_empty(run_import, client):
    run_import(BLOG, "--dry-run")
    assert found(client, "espace vie") == []


def test_cached_pages_show_the_imported_posts(run_import, client, settings):
    """A home page served from the page cache before the import shows the imported posts after it."""
    settings.PAGE_CACHE_SECONDS = 600
    assert "Internet, espace de vie" not in cached_html(client, "/")
    run_import(BLOG)
    assert "Internet, espace de vie" in client.get("/").content.decode()


def test_imported_comments_send_no_email(run_import, tmp_path):
    """Comments arriving by import are old news: no subscriber or moderator is written to."""
    run_import(BLOG)
    post = Post.objects.get(wordpress_id=101)
    SubscriptionFactory(post=post, email="suivi@example.org", confirmed_at=timezone.now())
    more = tmp_path / "more.xml"
    text = BLOG.read_text()
    first_comment = text.index("\t\t<wp:comment>")
    end = text.index("</wp:comment>", first_comment) + len("</wp:comment>\n")
    another = text[first_comment:end].replace("<wp:comment_id>1001<", "<wp:comment_id>1901<")
    more.write_text(text[:first_comment] + another + text[first_comment:])
    run_import(more)
    assert Comment.objects.filter(wordpress_id=1901, post=post).exists()
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_a_large_export_keeps_every_thread_in_few_queries(run_import, tmp_path):
    """Over several batches of posts, every reply keeps its parent, and the queries do not grow per post."""
    export = tmp_path / "large.xml"
    call_command("generate_wxr", str(export), "--posts", "120", "--comments", "700", stdout=StringIO())
    with CaptureQueriesContext(connection) as queries:
        output = run_import(export)
    assert "posts: 120 created" in output
    assert "comments: 700 created" in output
    assert len(queries) < 3 * 120 + 5 * Tag.objects.count()  # a tag is created once, with taggit's unique slug
    parents = dict(
        re.findall(r"<wp:comment_id>(\d+)</wp:comment_id>.*?<wp:comment_parent>(\d+)<", export.read_text(), re.S)
    )
    stored = dict(Comment.objects.values_list("wordpress_id", "parent__wordpress_id"))
    assert {str(i): str(parent or 0) for i, parent in stored.items()} == parents
    assert any(parent != "0" for parent in parents.values())
    assert "posts: 120 unchanged" in run_import(export)
