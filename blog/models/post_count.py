"""How many posts have the published status in each language, kept by the database itself.

The home and language pages are numbered from it ("Page 3 of 612"): counting the published posts at
each request read the whole date index, a cost growing with the blog (0.4 ms at 10,000 posts on SQLite).
As for tags (blog.models.tag_use), triggers keep the count in the writer's transaction, whatever wrote;
scheduled posts, counted here, are subtracted at read time (`published_post_count()`).
"""

from django.db import connections, models
from django.utils.translation import gettext_lazy as _

from blog.compiled import CompiledQuery

from .counting import CountingTriggers
from .post import Post


class PostCount(models.Model):
    language = models.CharField(_("language"), max_length=8, primary_key=True)
    posts = models.IntegerField(_("posts with the published status"), default=0)

    class Meta:
        verbose_name = _("post count")
        verbose_name_plural = _("post counts")

    def __str__(self):
        return f"{self.language}: {self.posts}"


RECOUNT = (
    "INSERT INTO blog_postcount (language, posts) "
    "SELECT language, COUNT(*) FROM blog_post WHERE status = 'published' GROUP BY language"
)
SQLITE = [
    """CREATE TRIGGER blog_postcount_insert AFTER INSERT ON blog_post WHEN NEW.status = 'published' BEGIN
    INSERT INTO blog_postcount (language, posts) VALUES (NEW.language, 1)
    ON CONFLICT (language) DO UPDATE SET posts = posts + 1; END""",
    """CREATE TRIGGER blog_postcount_delete AFTER DELETE ON blog_post WHEN OLD.status = 'published' BEGIN
    UPDATE blog_postcount SET posts = posts - 1 WHERE language = OLD.language; END""",
    """CREATE TRIGGER blog_postcount_update AFTER UPDATE OF status, language ON blog_post
    WHEN OLD.status = 'published' OR NEW.status = 'published' BEGIN
    UPDATE blog_postcount SET posts = posts - 1 WHERE language = OLD.language AND OLD.status = 'published';
    INSERT INTO blog_postcount (language, posts) SELECT NEW.language, 1 WHERE NEW.status = 'published'
    ON CONFLICT (language) DO UPDATE SET posts = posts + 1; END""",
]
POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION blog_postcount() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.status = 'published' THEN
        UPDATE blog_postcount SET posts = posts - 1 WHERE language = OLD.language;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
        INSERT INTO blog_postcount (language, posts) VALUES (NEW.language, 1)
        ON CONFLICT (language) DO UPDATE SET posts = blog_postcount.posts + 1;
    END IF;
    RETURN NULL; END $$""",
    """CREATE TRIGGER blog_postcount AFTER INSERT OR DELETE OR UPDATE OF status, language ON blog_post
    FOR EACH ROW EXECUTE FUNCTION blog_postcount()""",
]
TRIGGERS = CountingTriggers("blog_postcount", SQLITE, POSTGRESQL, [("blog_postcount", "blog_post")], RECOUNT)


def recount_when_saved(sender, instance, using="default", **kwargs):
    """A count written as a row (loaddata of a dump) is taken afresh from the posts already there: those loaded
    later count themselves, so the result is right in either order."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "UPDATE blog_postcount SET posts = (SELECT COUNT(*) FROM blog_post "
            "WHERE status = 'published' AND language = %s) WHERE language = %s",
            [instance.language, instance.language],
        )


def _scheduled(now):
    """How many posts with the published status readers do not see yet, per language."""
    return Post.objects.scheduled(now).order_by().values("language").annotate(n=models.Count("pk"))


# Asked on the home and language pages: compiled once.
_SCHEDULED = CompiledQuery(_scheduled)


def published_post_count(language=None):
    """The number of posts readers see (written in `language`): the stored counts less the scheduled posts."""
    scheduled_sql, params = _SCHEDULED.sql_with_params()
    where = ""
    if language:
        where, params = "WHERE blog_postcount.language = %s", (*params, language)
    sql = (
        "SELECT COALESCE(SUM(blog_postcount.posts - COALESCE(scheduled.n, 0)), 0) FROM blog_postcount "  # noqa: S608
        f"LEFT JOIN ({scheduled_sql}) scheduled ON scheduled.language = blog_postcount.language {where}"
    )
    with connections["default"].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]
