"""The stored post counts (blog.PostCount) always equal a count of the posts readers see.

Each test changes posts the way the site does (forms, admin actions, bulk imports, the clock)
and compares `published_post_count()`, and the page numbers readers read, with a live count.
"""

import collections
import datetime
import io
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from blog.models import Post, PostCount, PostStatus, counted_pages
from blog.models.post_count import TRIGGERS, UNDATED
from tests.factories import PostFactory
from tests.queries import queries_sent, sqlite_plan

pytestmark = pytest.mark.django_db


def published_post_count(language=None):
    return counted_pages(language)[0]


def by_year():
    """The stored counts, and a live count, of the posts with the published status by language and year (UTC)."""
    stored = {(count.language, count.year): count.posts for count in PostCount.objects.all() if count.posts}
    posts = Post.objects.filter(status=PostStatus.PUBLISHED)
    live = collections.Counter(
        (post.language, post.published_at.astimezone(datetime.UTC).year if post.published_at else UNDATED)
        for post in posts
    )
    return stored, dict(live)


def assert_right(client):
    stored, live_by_year = by_year()
    assert stored == live_by_year
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


def test_dates_changed_by_a_form_or_in_bulk_and_posts_without_a_date(client):
    new_year = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    posts = [PostFactory(language="fr", published_at=new_year - datetime.timedelta(seconds=1)) for _ in range(3)]
    assert_right(client)
    posts[0].published_at = new_year  # a second later, the next year
    posts[0].save()
    assert_right(client)
    Post.objects.filter(pk__in=[posts[1].pk, posts[2].pk]).update(published_at=new_year - datetime.timedelta(days=400))
    assert_right(client)
    Post.objects.filter(pk=posts[1].pk).update(published_at=None)  # published, with no date: not seen
    assert_right(client)
    Post.objects.filter(pk=posts[1].pk).update(published_at=new_year)
    assert_right(client)


@pytest.mark.django_db(transaction=True)  # flush and loaddata, as an operator runs them
def test_counts_survive_a_dump_and_load(client, tmp_path):
    """A dump holds the stored counts too: loaded back after the posts (which count themselves), they agree."""
    PostFactory(language="fr", published_at=datetime.datetime(2019, 6, 1, tzinfo=datetime.UTC))
    last_year = datetime.datetime(timezone.now().year - 1, 6, 1, tzinfo=datetime.UTC)  # never a new year's eve
    PostFactory(language="fr", published_at=last_year)
    PostFactory(language="en", published_at=last_year)
    dump = tmp_path / "dump.json"
    options = {"natural_foreign": True, "natural_primary": True, "stdout": io.StringIO()}
    call_command("dumpdata", exclude=["contenttypes", "auth.permission"], output=str(dump), **options)
    call_command("flush", interactive=False)
    call_command("loaddata", str(dump), stdout=io.StringIO())
    assert by_year()[0] == {("fr", 2019): 1, ("fr", last_year.year): 1, ("en", last_year.year): 1}
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


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the query plan checked is SQLite's")
@pytest.mark.parametrize("url", ["/language/fr/", "/language/fr/?page=3"])
def test_a_languages_count_reads_only_its_scheduled_posts(client, url):
    """With the language in a WHERE, SQLite moved it into the count of scheduled posts and read every post in that
    language from its index (0.02 → 0.6 ms on the bench): the count must read two ranges of the date index."""
    PostFactory.create_batch(25, language="fr")
    with queries_sent() as queries:
        assert client.get(url).status_code == 200
    sql, params = next((sql, params) for sql, params in queries if "blog_postcount" in sql)
    reads = [step for step in sqlite_plan(sql, params) if " blog_post " in step]
    assert reads == [
        "SEARCH blog_post USING INDEX blog_post_published_idx (status=? AND published_at>?)",
        "SEARCH blog_post USING INDEX blog_post_published_idx (status=? AND published_at=?)",
    ]
