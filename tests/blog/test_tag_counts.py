"""The stored tag counts (blog.TagUse) always equal a count over the posts readers see.

Each test changes posts or tags the way the site does (forms, admin actions, bulk imports,
the clock) and compares the sidebar, the tag index and `published_tag_counts()` with the
live count `Post.objects.published().tag_counts()`.
"""

import datetime
import io
import re
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from blog.models import Post, PostStatus, TaggedPost, published_tag_counts
from blog.models.tag_use import TRIGGERS
from tests.factories import EditorFactory, PostFactory

pytestmark = pytest.mark.django_db


def live_counts():
    return {tag.name: tag.num_posts for tag in Post.objects.published().tag_counts()}


def stored_counts():
    return {tag.name: tag.num_posts for tag in published_tag_counts()}


def sidebar_counts(client):
    """What a reader reads in the home page's "Tags" box: {name: number}."""
    html = client.get("/").content.decode()
    box = html.split('class="popular-tags"', 1)[1].split("</section>", 1)[0] if "popular-tags" in html else ""
    return {name: int(number) for name, number in re.findall(r">([^<>]+)</a> \((\d+)\)", box)}


def assert_right(client, expected):
    assert live_counts() == expected
    assert stored_counts() == expected
    assert sidebar_counts(client) == expected


def test_tagging_and_retagging_published_posts(client):
    post = PostFactory(tags=["internet", "écriture"])
    PostFactory(tags=["internet"])
    assert_right(client, {"internet": 2, "écriture": 1})
    post.tags.set(["médias", "internet"])
    assert_right(client, {"internet": 2, "médias": 1})
    post.tags.remove("internet")
    assert_right(client, {"internet": 1, "médias": 1})
    post.tags.clear()
    assert_right(client, {"internet": 1})


def test_drafts_count_only_once_published(client):
    draft = PostFactory(status=PostStatus.DRAFT, tags=["internet"])
    draft.tags.add("brouillon")
    assert_right(client, {})
    draft.status = PostStatus.PUBLISHED
    draft.save()
    assert_right(client, {"internet": 1, "brouillon": 1})
    draft.status = PostStatus.DRAFT
    draft.save()
    assert_right(client, {})


def test_admin_actions_publish_and_unpublish(client):
    """The admin's actions are queryset updates: no signal, still counted."""
    posts = [PostFactory(status=PostStatus.DRAFT, tags=["internet"]) for _ in range(3)]
    editor = EditorFactory()
    admin = type(client)()
    admin.force_login(editor)
    changelist = reverse("admin:blog_post_changelist")
    admin.post(changelist, {"action": "publish", "_selected_action": [p.pk for p in posts]})
    assert_right(client, {"internet": 3})
    admin.post(changelist, {"action": "unpublish", "_selected_action": [posts[0].pk]})
    assert_right(client, {"internet": 2})
    Post.objects.filter(pk=posts[1].pk).update(status=PostStatus.PUBLISHED)  # already published: no change
    assert_right(client, {"internet": 2})


def test_deleting_posts_and_tags(client):
    first = PostFactory(tags=["internet", "écriture"])
    PostFactory(tags=["internet"])
    first.delete()
    assert_right(client, {"internet": 1})
    Tag.objects.get(name="internet").delete()
    assert_right(client, {})


def test_bulk_created_tags_are_counted(client):
    """An import writes tagged rows with bulk_create: the database counts them all the same."""
    posts = [PostFactory() for _ in range(3)] + [PostFactory(status=PostStatus.DRAFT)]
    tag = Tag.objects.create(name="importé", slug="importe")
    TaggedPost.objects.bulk_create([TaggedPost(content_object=post, tag=tag) for post in posts])
    assert_right(client, {"importé": 3})
    TaggedPost.objects.filter(content_object=posts[0]).update(content_object=posts[3])  # moved to the draft
    assert_right(client, {"importé": 2})


def test_a_scheduled_post_counts_when_its_time_comes_with_no_write(client):
    """Nothing is written when a scheduled post comes due: its tags count from that moment on."""
    PostFactory(tags=["internet"])
    due = timezone.now() + datetime.timedelta(seconds=3)  # time to check before, on a slow machine
    PostFactory(tags=["internet", "demain"], published_at=due)
    assert_right(client, {"internet": 1})
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert_right(client, {"internet": 2, "demain": 1})


def test_a_published_post_without_a_date_is_not_counted(client):
    """A row with the published status but no date (raw SQL, an old import) is not shown, nor counted."""
    post = PostFactory(tags=["internet"])
    Post.objects.filter(pk=post.pk).update(published_at=None)
    assert_right(client, {})


def test_counts_are_rebuilt_after_migrate():
    """The triggers are installed and every count taken afresh at each migrate (and test flush)."""
    PostFactory(tags=["internet"])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE blog_taguse SET posts = 40")
    TRIGGERS.install(connection)
    assert stored_counts() == {"internet": 1}


def test_the_sidebar_lists_tags_used_as_often_in_dictionary_order(client):
    """Capitals and accents aside: the database's order put "Zürich" first and "été" and "œuvre" last."""
    PostFactory(tags=["Zürich", "cluetrain", "été", "œuvre", "Art", "zen"])
    PostFactory(tags=["zen"])
    html = client.get("/").content.decode()
    box = html.split('class="popular-tags"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r">([^<>]+)</a> \(\d+\)", box) == ["zen", "Art", "cluetrain", "été", "œuvre", "Zürich"]


def test_popular_first_and_limit():
    for count, name in [(3, "trois"), (1, "un"), (2, "deux"), (2, "alpha")]:
        for _ in range(count):
            PostFactory(tags=[name])
    popular = [(tag.name, tag.num_posts) for tag in published_tag_counts(popular_first=True, limit=3)]
    assert popular == [("trois", 3), ("alpha", 2), ("deux", 2)]
    assert [tag.name for tag in published_tag_counts()] == ["alpha", "deux", "trois", "un"]


def test_the_most_used_tags_are_those_readers_see_the_most():
    """Read from the stored counts' index, the most used tags still come from what readers see: a tag stored
    often but mostly on scheduled posts falls behind, and the tags after it move up, ties by name."""
    later = timezone.now() + datetime.timedelta(days=2)
    for count, name in [(3, "trois"), (2, "deux"), (2, "beta"), (1, "agenda")]:
        for _ in range(count):
            PostFactory(tags=[name])
    for _ in range(5):
        PostFactory(tags=["agenda"], published_at=later)  # stored 6 times, seen once
    popular = [(tag.name, tag.num_posts) for tag in published_tag_counts(popular_first=True, limit=2)]
    assert popular == [("trois", 3), ("beta", 2)]
    chosen = [tag.name for tag in published_tag_counts(popular_first=True, limit=2, first="agenda")]
    assert chosen == ["agenda", "trois"]
    assert len(published_tag_counts(popular_first=True, limit=50)) == 4
    PostFactory(tags=["zeste"])  # used the least: chosen, it still comes first
    chosen = [tag.name for tag in published_tag_counts(popular_first=True, limit=2, first="zeste")]
    assert chosen == ["zeste", "trois"]


def test_large_counts_are_written_as_each_language_writes_numbers(client, french_client):
    """A tag on thousands of posts reads "(5 774)" in French and "(5,774)" in English, in the box and the index."""
    PostFactory(tags=["internet"])
    with connection.cursor() as cursor:  # the stored count, as after twenty years of posts
        cursor.execute("UPDATE blog_taguse SET posts = 5774")
    for reader, shown in [(french_client, "(5\xa0774)"), (client, "(5,774)")]:
        assert f">internet</a> {shown}</li>" in reader.get("/").content.decode()
        index = reader.get(reverse("blog:tag-list")).content.decode()
        assert f'>internet</a> <span class="count">{shown}</span>' in index


@pytest.mark.django_db(transaction=True)  # flush and loaddata, as an operator runs them
def test_counts_survive_a_natural_key_dump_and_load(client, tmp_path):
    """A dump holds the stored counts too: loaded back after the tagged rows (which count themselves), they agree."""
    PostFactory(tags=["internet", "été"])
    PostFactory(tags=["internet"])
    dump = tmp_path / "dump.json"
    options = {"natural_foreign": True, "natural_primary": True, "stdout": io.StringIO()}
    call_command("dumpdata", exclude=["contenttypes", "auth.permission"], output=str(dump), **options)
    call_command("flush", interactive=False)
    call_command("loaddata", str(dump), stdout=io.StringIO())
    assert_right(client, {"internet": 2, "été": 1})
