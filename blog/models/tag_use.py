"""How many published posts carry each tag, kept by the database itself.

Counting over every tagged post on each list page (the popular-tags sidebar) cost most of
the page. The count here is raised and lowered by triggers in the writer's transaction, so
it is right whatever wrote: a form, an admin action's queryset.update(), an import's
bulk_create, raw SQL. It counts posts whose status is "published", scheduled ones included:
no write happens when a scheduled post comes due, so readers' counts subtract the few
scheduled posts at read time (`Post.objects.published_tag_counts()`).
"""

from django.db import connections, models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from blog.compiled import CompiledQuery

from .counting import CountingTriggers
from .post import Post, TaggedPost


class TagUseManager(models.Manager):
    def get_by_natural_key(self, *tag_key):
        return self.get(tag=Tag.objects.get_by_natural_key(*tag_key))


class TagUse(models.Model):
    # Known by its tag's name in natural-key dumps, whose tags come back under new ids.
    tag = models.OneToOneField(Tag, on_delete=models.CASCADE, related_name="use")
    posts = models.IntegerField(_("posts with the published status"), default=0)

    objects = TagUseManager()

    class Meta:
        verbose_name = _("tag use")
        verbose_name_plural = _("tag uses")
        # The most used tags read in order (`published_tag_counts(popular_first=True, limit=…)`).
        indexes = [models.Index(fields=["posts"], name="blog_taguse_posts_idx")]

    def __str__(self):
        return f"{self.tag_id}: {self.posts}"

    def natural_key(self):
        return self.tag.natural_key()

    natural_key.dependencies = ["taggit.tag"]


RECOUNT = (
    "INSERT INTO blog_taguse (tag_id, posts) SELECT taggit_tag.id, "
    "(SELECT COUNT(*) FROM blog_taggedpost JOIN blog_post ON blog_post.id = blog_taggedpost.content_object_id "
    "WHERE blog_taggedpost.tag_id = taggit_tag.id AND blog_post.status = 'published') FROM taggit_tag"
)
# `(SELECT COUNT(*) … status = 'published')` is 1 when the tagged post has PostStatus.PUBLISHED, else 0.
SQLITE = [
    # A tag row exists for every tag a post carries, so that a status change only has rows to update.
    """CREATE TRIGGER blog_taguse_tagged_insert AFTER INSERT ON blog_taggedpost BEGIN
    INSERT INTO blog_taguse (tag_id, posts) SELECT NEW.tag_id,
        (SELECT COUNT(*) FROM blog_post WHERE id = NEW.content_object_id AND status = 'published') WHERE true
    ON CONFLICT (tag_id) DO UPDATE SET posts = posts + excluded.posts; END""",
    """CREATE TRIGGER blog_taguse_tagged_delete AFTER DELETE ON blog_taggedpost BEGIN
    UPDATE blog_taguse
    SET posts = posts - (SELECT COUNT(*) FROM blog_post WHERE id = OLD.content_object_id AND status = 'published')
    WHERE tag_id = OLD.tag_id; END""",
    """CREATE TRIGGER blog_taguse_tagged_update AFTER UPDATE ON blog_taggedpost BEGIN
    UPDATE blog_taguse
    SET posts = posts - (SELECT COUNT(*) FROM blog_post WHERE id = OLD.content_object_id AND status = 'published')
    WHERE tag_id = OLD.tag_id;
    INSERT INTO blog_taguse (tag_id, posts) SELECT NEW.tag_id,
        (SELECT COUNT(*) FROM blog_post WHERE id = NEW.content_object_id AND status = 'published') WHERE true
    ON CONFLICT (tag_id) DO UPDATE SET posts = posts + excluded.posts; END""",
    """CREATE TRIGGER blog_taguse_post_status AFTER UPDATE OF status ON blog_post
    WHEN (OLD.status = 'published') <> (NEW.status = 'published') BEGIN
    UPDATE blog_taguse SET posts = posts + (CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END)
    WHERE tag_id IN (SELECT tag_id FROM blog_taggedpost WHERE content_object_id = NEW.id); END""",
]
POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION blog_taguse_tagged() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE blog_taguse
        SET posts = posts - (SELECT COUNT(*) FROM blog_post WHERE id = OLD.content_object_id AND status = 'published')
        WHERE tag_id = OLD.tag_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO blog_taguse (tag_id, posts) VALUES (NEW.tag_id,
            (SELECT COUNT(*) FROM blog_post WHERE id = NEW.content_object_id AND status = 'published'))
        ON CONFLICT (tag_id) DO UPDATE SET posts = blog_taguse.posts + excluded.posts;
    END IF;
    RETURN NULL; END $$""",
    """CREATE OR REPLACE FUNCTION blog_taguse_post_status() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    UPDATE blog_taguse SET posts = posts + (CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END)
    WHERE tag_id IN (SELECT tag_id FROM blog_taggedpost WHERE content_object_id = NEW.id);
    RETURN NULL; END $$""",
    "DROP TRIGGER IF EXISTS blog_taguse_tagged ON blog_taggedpost",
    """CREATE TRIGGER blog_taguse_tagged AFTER INSERT OR UPDATE OR DELETE ON blog_taggedpost
    FOR EACH ROW EXECUTE FUNCTION blog_taguse_tagged()""",
    "DROP TRIGGER IF EXISTS blog_taguse_post_status ON blog_post",
    """CREATE TRIGGER blog_taguse_post_status AFTER UPDATE OF status ON blog_post FOR EACH ROW
    WHEN ((OLD.status = 'published') IS DISTINCT FROM (NEW.status = 'published'))
    EXECUTE FUNCTION blog_taguse_post_status()""",
]
TRIGGERS = CountingTriggers(
    "blog_taguse",
    SQLITE,
    POSTGRESQL,
    [("blog_taguse_tagged", "blog_taggedpost"), ("blog_taguse_post_status", "blog_post")],
    {"sqlite": RECOUNT, "postgresql": RECOUNT},
)


def recount_when_saved(sender, instance, using="default", **kwargs):
    """A count written as a row (loaddata of a dump) is taken afresh from the tagged rows already there:
    those loaded later count themselves, so the result is right in either order."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "UPDATE blog_taguse SET posts = (SELECT COUNT(*) FROM blog_taggedpost JOIN blog_post "
            "ON blog_post.id = blog_taggedpost.content_object_id WHERE blog_taggedpost.tag_id = %s "
            "AND blog_post.status = 'published') WHERE tag_id = %s",
            [instance.tag_id, instance.tag_id],
        )


def _waiting(now):
    """How many scheduled posts carry each tag."""
    waiting = TaggedPost.objects.filter(content_object__in=Post.objects.scheduled(now)).values("tag_id")
    return waiting.annotate(n=models.Count("pk")).order_by()


# Asked on every list page (the sidebar): compiled once.
_WAITING = CompiledQuery(_waiting)


def published_tag_counts(popular_first=False, limit=None, first=None, slug=None):
    """The tags readers see, each with `num_posts`: the stored count less the published-status posts not yet visible.

    One query: the few scheduled posts' tags are counted in a subquery the database runs once.
    Tags carried by no visible post are left out. By name, or the most used first; the tag whose slug is
    `first`, if readers see it, comes before all others (and so within `limit`). With `slug`, that tag only.
    """
    waiting_sql, params = _WAITING.sql_with_params()
    count = "blog_taguse.posts - COALESCE(waiting.n, 0)"
    order = f"{count} DESC, taggit_tag.name" if popular_first else "taggit_tag.name"
    source, source_params = _most_used(int(limit), first) if popular_first and limit else (_EVERY_TAG, ())
    params = (*params, *source_params)
    where = f"{count} > 0"
    if slug:
        where += " AND taggit_tag.slug = %s"
        params = (*params, slug)
    if first:
        order = f"CASE WHEN taggit_tag.slug = %s THEN 0 ELSE 1 END, {order}"
        params = (*params, first)
    # Fixed SQL around the ORM's own subquery; the values are parameters.
    sql = (
        f"WITH waiting AS ({waiting_sql}) "  # noqa: S608
        f"SELECT taggit_tag.id, taggit_tag.name, taggit_tag.slug, {count} AS num_posts "
        f"FROM {source} LEFT JOIN waiting ON waiting.tag_id = blog_taguse.tag_id "
        f"WHERE {where} ORDER BY {order}"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    # Rows made into tags here: a raw queryset's mapping of columns to fields took longer than the query.
    with connections["default"].cursor() as cursor:
        cursor.execute(sql, params)
        return [_counted(*row) for row in cursor.fetchall()]


def _counted(pk, name, slug, num_posts):
    tag = Tag.from_db("default", _TAG_FIELDS, (pk, name, slug))
    tag.num_posts = num_posts
    return tag


_TAG_FIELDS = ["id", "name", "slug"]


_EVERY_TAG = "blog_taguse JOIN taggit_tag ON taggit_tag.id = blog_taguse.tag_id"


def _most_used(limit, first=None):
    """The counts and tags (`blog_taguse`, `taggit_tag`) of the `limit` most used tags, and of the tag whose slug is
    `first`: SQL to read FROM, and its parameters.

    They are read from the index of stored counts rather than by sorting every tag (a cost growing with them): the
    tags stored at least as often as the tag ranked `limit` + the number of tags of scheduled posts. Of these, at least
    `limit` lose nothing to scheduled posts, so a tag left out, stored less often, is seen less often than they are.
    The tag put first is found by its id in blog_taguse's own index: by its slug, in the joined table, every tag was
    read to find it (0.66 → 0.15 ms on the bench's 2,000 tags, SQLite).
    """
    chosen = "(SELECT id FROM taggit_tag WHERE slug = %s)"
    params = (first,) if first else ()
    if connections["default"].vendor == "postgresql":
        # FETCH … WITH TIES: of a threshold read in a subquery, a value it cannot know when planning, PostgreSQL
        # expected a third of the tags, and read every tag's count and every tag (0.55 → 0.11 ms, bench). Each
        # candidate's name is looked up by its id, in a subquery it cannot make a join reading every tag.
        counts = (
            "(SELECT tag_id, posts FROM blog_taguse ORDER BY posts DESC "  # noqa: S608 - an integer
            f"FETCH FIRST ((SELECT COUNT(*) FROM waiting) + {limit}) ROWS WITH TIES)"
        )
        if first:
            counts = f"({counts} UNION SELECT tag_id, posts FROM blog_taguse WHERE tag_id = {chosen})"  # noqa: S608
        named = "SELECT name, slug, id FROM taggit_tag WHERE taggit_tag.id = blog_taguse.tag_id LIMIT 1"
        return f"{counts} AS blog_taguse CROSS JOIN LATERAL ({named}) AS taggit_tag", params
    # SQLite has neither, and reads the index up to the threshold.
    ranked = f"(SELECT COUNT(*) FROM waiting) + {limit - 1}"  # noqa: S608 - an integer
    threshold = f"SELECT posts FROM blog_taguse ORDER BY posts DESC LIMIT 1 OFFSET {ranked}"  # noqa: S608
    counts = f"SELECT tag_id, posts FROM blog_taguse WHERE posts >= COALESCE(({threshold}), 0)"  # noqa: S608
    if first:
        counts += f" OR tag_id = {chosen}"
    return f"({counts}) AS blog_taguse JOIN taggit_tag ON taggit_tag.id = blog_taguse.tag_id", params
