"""The stored post counts (blog.PostCount) always equal a count of the posts readers see.

Each test changes posts the way the site does (forms, admin actions, bulk imports, the clock)
and compares `published_post_count()`, and the page numbers readers read, with a live count.
"""

import datetime
import time

import pytest
from django.db import connection
from django.utils import timezone

from blog.models import Post, PostStatus, published_post_count
from blog.models.post_count import TRIGGERS
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def assert_right(client):
    live = {code: Post.objects.published().filter(language=code).count() for code in ("fr", "en")}
    assert published_post_count() == sum(live.values())
    assert {code: published_post_count(code) for code in live} == live
    # What the pages are numbered from ("Page 1 of …", the link to the oldest page).
    for url, count in [("/", sum(live.values())), ("/language/fr/", live["fr"]), ("/language/en/", live["en"])]:
        assert client.get(url).context["paginator"].count == count


def test_page_numbers_come_from_the_stored_count(client):
    PostFactory.create_batch(11, language="fr")
    PostFactory(language="fr", published_at=timezone.now() + datetime.timedelta(days=1))
    assert "Page 1 of 2" in client.get("/").content.decode()
    Post.objects.filter(pk=Post.objects.published().first().pk).update(status=PostStatus.DRAFT)
    assert "Page 1 of 2" not in client.get("/language/fr/").content.decode()


def test_writing_publishing_and_deleting(client):
    posts = [PostFactory(language="fr"), PostFactory(language="fr"), PostFactory(language="en")]
    draft = PostFactory(status=PostStatus.DRAFT, published_at=None)
    assert_right(client)
    draft.status = PostStatus.PUBLISHED
    draft.save()
    assert_right(client)
    posts[0].language = "en"  # a post whose language was wrong
    posts[0].save()
    assert_right(client)
    posts[1].delete()
    assert_right(client)


def test_admin_actions_and_bulk_imports(client):
    author = PostFactory.create_batch(3, language="en")[0].author
    Post.objects.filter(language="en").update(status=PostStatus.DRAFT)  # the admin's "unpublish" action
    assert_right(client)
    Post.objects.update(status=PostStatus.PUBLISHED, language="fr")
    assert_right(client)
    Post.objects.bulk_create(
        [
            Post(
                author=author,
                title=f"Importé {n}",
                slug=f"importe-{n}",
                body="…",
                language="en",
                status=PostStatus.PUBLISHED,
                published_at=timezone.now(),
            )
            for n in range(4)
        ]
    )
    assert_right(client)
    Post.objects.filter(language="en").delete()
    assert_right(client)


def test_a_scheduled_post_counts_when_its_time_comes_with_no_write(client):
    PostFactory(language="fr")
    due = timezone.now() + datetime.timedelta(seconds=3)  # time to check before, on a slow machine
    PostFactory(language="fr", published_at=due)
    assert published_post_count() == 1
    assert_right(client)
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert published_post_count() == 2
    assert_right(client)


def test_counts_are_rebuilt_after_migrate():
    """The triggers are installed and every count taken afresh at each migrate (and test flush)."""
    PostFactory(language="en")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE blog_postcount SET posts = 40")
    TRIGGERS.install(connection)
    assert published_post_count() == 1
    assert published_post_count("fr") == 0
