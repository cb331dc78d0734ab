"""SQLite's full-text index keyed by publication date (search.fts): each post's row follows its date and goes with
it, and the index read newest first finds what the index keyed by id found."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from taggit.models import Tag

from blog.models import Post, PostStatus
from search import fts
from search.indexing import index_posts, rebuild
from search.queries import search_posts
from tests.factories import PostFactory
from tests.queries import queries_sent, sqlite_plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the full-text index keyed by date is SQLite's"),
]

DAY = datetime.timedelta(days=1)


def titles(ids):
    by_id = Post.objects.in_bulk(ids)
    return [by_id[pk].title for pk in ids]


def index_rows(posts=None):
    """The keys of the index's rows of `posts` (ids, every post's by default), as the table of keys has them.

    Transactional tests leave rows behind them: emptying the database does not empty the index.
    """
    posts = set(Post.objects.values_list("pk", flat=True) if posts is None else posts)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {fts.TABLE} ORDER BY rowid")  # noqa: S608
        rows = [rowid for (rowid,) in cursor.fetchall() if rowid & ((1 << fts.ID_BITS) - 1) in posts]
        cursor.execute(f"SELECT post_id, key FROM {fts.KEYS} ORDER BY key")  # noqa: S608
        assert [key for (pk, key) in cursor.fetchall() if pk in posts] == rows
    return rows


def test_a_post_moved_to_a_later_date_is_among_the_newest_ranked(settings):
    """Of three matches, the two newest are ranked: a post dated again enters them, once, and another leaves."""
    settings.SEARCH_RANKED_MATCHES = 2
    now = timezone.now()
    PostFactory(title="Brume", body="Le mot brume, une fois.", published_at=now - DAY)
    PostFactory(title="Brume et brume", body="Brume, brume.", published_at=now - 2 * DAY)
    old = PostFactory(title="La brume ancienne", body="Brume brume brume.", published_at=now - 3 * DAY)
    assert titles(search_posts(["brume"])) == ["Brume et brume", "Brume"]
    old.published_at = now - datetime.timedelta(hours=1)
    old.save()
    assert titles(search_posts(["brume"])) == ["La brume ancienne", "Brume"]
    assert index_rows() == sorted(fts.key(post) for post in Post.objects.all())


def test_a_draft_published_later_is_found_and_a_deleted_post_leaves_no_row():
    draft = PostFactory(title="Printemps", status=PostStatus.DRAFT, published_at=None)
    PostFactory(title="Printemps précoce", published_at=timezone.now() - DAY)
    assert titles(search_posts(["printemps"])) == ["Printemps précoce"]
    draft.status = PostStatus.PUBLISHED
    draft.save()  # dated now
    assert sorted(titles(search_posts(["printemps"]))) == ["Printemps", "Printemps précoce"]
    assert len(index_rows()) == 2
    deleted = draft.pk
    draft.delete()
    assert titles(search_posts(["printemps"])) == ["Printemps précoce"]
    assert index_rows() == [fts.key(Post.objects.get())]
    assert index_rows([deleted]) == []


def test_keys_order_posts_by_date_then_id_whatever_their_date():
    """A post from before 1970 (an archive typed in), two in the same second, and a draft with no date."""
    same_second = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    posts = [
        PostFactory(title="Ancien", published_at=datetime.datetime(1969, 7, 20, 20, 17, tzinfo=datetime.UTC)),
        PostFactory(title="Même seconde", body="Pareil.", published_at=same_second),
        PostFactory(
            title="Même seconde", body="Pareil.", published_at=same_second + datetime.timedelta(microseconds=5)
        ),
        PostFactory(title="Récent", published_at=timezone.now() - DAY),
    ]
    draft = PostFactory(title="Brouillon", status=PostStatus.DRAFT, published_at=None)
    assert sorted(posts, key=fts.key) == posts
    assert [key & ((1 << fts.ID_BITS) - 1) for key in map(fts.key, [*posts, draft])] == [p.pk for p in [*posts, draft]]
    assert search_posts(["seconde"]) == [posts[2].pk, posts[1].pk]  # equal ranks: the newest first
    assert search_posts(["ancien"]) == [posts[0].pk]


def plan_of_search(*words, **narrowed):
    """The posts found, and the steps of the plan SQLite followed to find them."""
    with queries_sent() as queries:
        found = search_posts(list(words), **narrowed)
    return found, sqlite_plan(*queries[-1])


def test_a_search_narrowed_to_a_tag_reads_the_index_once():
    """The tag is matched in the index with the words (search.fts.tag_key); the index read a second time for the
    newest matches, with a tag, took 12–16 s on the benchmark's 10,000 posts."""
    PostFactory(title="Thé vert", tags=["thé"])
    PostFactory(title="Thé noir")
    found, plan = plan_of_search("thé", tag=Tag.objects.get(name="thé"))
    assert titles(found) == ["Thé vert"]
    assert sum(fts.TABLE in step for step in plan) == 1, plan
    assert any(step.startswith(f"SCAN {fts.TABLE} VIRTUAL TABLE") for step in plan), plan


@pytest.mark.django_db(transaction=True)
def test_the_index_keyed_by_id_before_is_keyed_by_date_and_back():
    """Migrating back and forth (through the index made again with prefix indexes, then with tags' keys) keeps every
    post's row and what a search finds, narrowed to a tag or not."""
    now = timezone.now()
    for number, title in enumerate(["Lac gelé", "Le lac", "Un lac, un autre lac"]):
        PostFactory(title=title, body="Au bord du lac.", published_at=now - (number + 1) * DAY, tags=["eau"] * number)
    PostFactory(title="Lac à venir", published_at=now + DAY)
    found = search_posts(["lac"])
    tagged = search_posts(["lac"], tag=Tag.objects.get(name="eau"))
    keys = index_rows()
    assert len(keys) == 4
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("search", "0004_fts_spelt_out_ligatures")])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {fts.TABLE} WHERE {fts.TABLE} MATCH 'lac' ORDER BY rowid")  # noqa: S608
        posts = set(Post.objects.values_list("pk", flat=True))
        assert [pk for (pk,) in cursor.fetchall() if pk in posts] == sorted(posts)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    assert index_rows() == keys
    assert search_posts(["lac"]) == found and len(found) == 3
    assert search_posts(["lac"], tag=Tag.objects.get(name="eau")) == tagged and len(tagged) == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [fts.TABLE])
        assert "prefix = '2 3 4 5 6 7 8 9 10'" in cursor.fetchone()[0]  # made again with them (migration 0008)


def segments():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(DISTINCT segid) FROM {fts.TABLE}_idx")  # noqa: S608
        return cursor.fetchone()[0]


def test_posts_indexed_in_bulk_leave_one_segment_to_read():
    """Every search reads each segment of the index: a rebuild or an import (more than a batch of posts) merges them."""
    posts = [PostFactory(title=f"Lac {number}", body="Au bord du lac.") for number in range(5)]
    assert segments() > 1
    index_posts([post.pk for post in posts], batch_size=2)
    assert segments() == 1
    PostFactory(title="Un autre lac")
    assert segments() == 2
    assert rebuild() == 6
    assert segments() == 1
    assert len(search_posts(["lac"])) == 6


def test_whether_a_match_is_to_be_seen_is_read_from_an_index_not_from_the_post():
    """SQLite keeps a row's columns in order: a post's status and date come after its body and HTML, which a search
    read past for each of up to 500 matches (search.fts.through_visible_index)."""
    seen = PostFactory(title="Lac gelé", language="fr")
    PostFactory(title="Lac à venir", published_at=timezone.now() + DAY)
    PostFactory(title="Lac en brouillon", status=PostStatus.DRAFT, published_at=None)
    PostFactory(title="Frozen lake, lac", language="en")
    found, plan = plan_of_search("lac", language="fr")
    assert found == [seen.pk]
    assert any("COVERING INDEX blog_post_visible_idx" in step for step in plan), plan
