import datetime
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from blog import extensions, markup, slugs
from blog.addresses import address
from blog.compiled import CompiledQuerySet, IdList, Slot
from blog.models import rows, similar, translation_links
from blog.models.summaries import OtherLanguageSummaries
from blog.models.tag_names import TagNames
from blog.text import by_name


class Language(models.TextChoices):
    FR = "fr", "Français"
    EN = "en", "English"


# The link to a post's translation, written in the translation's language whatever the interface's.
READ_IN = {Language.FR: "Lire en français", Language.EN: "Read in English"}


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Markup(models.TextChoices):
    MARKDOWN = "markdown", _("Markdown")
    HTML = "html", _("HTML (imported)")


class TaggedPost(TaggedItemBase):
    content_object = models.ForeignKey("Post", on_delete=models.CASCADE, related_name="tagged_items")
    # A post's tag is known by the post's slug and the tag's name, so that natural-key dumps
    # (`dumpdata --natural-foreign --natural-primary`) load back into another database.
    natural_key_fields = ["content_object__slug", "tag__name"]

    class Meta:
        verbose_name = _("tagged post")
        verbose_name_plural = _("tagged posts")
        # Similar posts sum the rows of a post's tags per post from this index alone, not from the table.
        indexes = [models.Index(fields=["tag", "content_object"])]

    def natural_key(self):
        return (self.content_object.slug, self.tag.name)

    natural_key.dependencies = ["blog.post", "taggit.tag"]


# A republished post's column descriptions, which it lends as summaries where it has none (`Post.summaries()`).
LENT_DESCRIPTIONS = "republication__column__translations"


class PostQuerySet(TranslatableQuerySet):
    def published(self, now=None):
        """Posts readers may see: published, with a publication date that has come (by `now`, the present)."""
        return self.filter(status=PostStatus.PUBLISHED, published_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Posts with the published status that readers do not see yet: their date has not come (by `now`, the
        present), or is missing."""
        # Each branch a range of the (status, published_at) index: SQLite read all of it for `exclude(…__lte=…)`.
        published = Q(status=PostStatus.PUBLISHED)
        dated_later = published & Q(published_at__gt=now or timezone.now())
        return self.filter(dated_later | (published & Q(published_at__isnull=True)))

    def visible_to(self, user):
        """Readers see published posts; staff also the drafts and scheduled posts they may edit."""
        if user.is_staff:
            return self.published() | self.editable_by(user)
        return self.published()

    def editable_by(self, user):
        """Editors change every post; authors only their own."""
        if user.has_perm("blog.edit_all_posts"):
            return self.all()
        return self.filter(author=user)

    def missing_other_summary(self):
        """Posts with no summary in a language other than their own, written or lent (`Post.summaries()`)."""
        other_summaries = (
            Post.translations.field.model.objects.filter(master=OuterRef("pk"))
            .exclude(language_code=OuterRef("language"))
            .exclude(summary="")
        )
        missing = self.exclude(Exists(other_summaries))
        for lent in extensions.lent_summaries:
            missing = missing.exclude(lent())
        return missing

    def tag_counts(self):
        """The tags of these posts, each with `num_posts`, the number of these posts carrying it."""
        return Tag.objects.filter(blog_taggedpost_items__content_object__in=self.values("pk")).annotate(
            num_posts=Count("blog_taggedpost_items")
        )

    def for_list(self):
        """Everything a list of posts shows, fetched in a fixed number of queries (apps add theirs); not the
        Markdown source, which only the writing desk reads, nor its author and the column descriptions a
        republished post lends as summaries, which cards do not show (`for_feed()` adds them)."""
        queryset = self._with_tags()._with_own_summaries().defer("body")
        for annotate in extensions.list_annotations:
            queryset = annotate(queryset)
        return queryset

    def for_feed(self):
        """What a feed entry shows: what a list shows, its author, and every summary (`Post.summaries()`)."""
        return self.for_list().select_related("author").prefetch_related(LENT_DESCRIPTIONS)

    def for_display(self):
        """What a post shows wherever it appears: its author, tags and summaries. A post page needs no more
        (the list annotations, such as a card's comment count, cost it a subquery to build for nothing)."""
        return self._with_tags().select_related("author").with_summaries()

    def with_summaries(self):
        """What `Post.summaries()` reads: the summaries, and a republished column's descriptions."""
        return self._with_own_summaries().prefetch_related(LENT_DESCRIPTIONS)

    def _with_tags(self):
        return self.annotate(tags_json=rows.tag_rows())

    def for_mentions(self):
        """What a mention of a post on another post's page shows (similar posts): its title, date, summaries for
        the other language and column line; not its body, nor the column descriptions only its own page shows."""
        return self._with_own_summaries().defer("body", "body_html", "excerpt_html")

    def _with_own_summaries(self):
        """The post's own summaries, and its column and publication (a republished post's column line)."""
        return self.select_related("republication__column__publication").annotate(summaries_json=rows.summary_rows())


class PostManager(TranslatableManager.from_queryset(PostQuerySet)):
    """Every post with what a list, a post page or a mention shows (`for_list()`, `for_display()`,
    `for_mentions()`): each queryset built once per process, then copied. Building them and resolving their
    subqueries cost a quarter of reading a page of posts, and the resolved expressions, kept, compile faster.
    The kept querysets are never run, only copied. The pages of posts go further: `listed()`, `mentioned()` and
    `published_to_display()` run SQL compiled once (blog.compiled)."""

    def for_list(self):
        return _every_post("for_list").all()

    def for_display(self):
        return _every_post("for_display").all()

    def for_mentions(self):
        return _every_post("for_mentions").all()

    def listed(self, ids):
        """The posts of `ids`, in that order, with what a list shows."""
        return _LISTED.in_order(ids)

    def listed_among(self, ids, start, stop):
        """`listed()`, of the ids `[start:stop]` of a list of blog.lists.LIST_IDS (with its values), in one query."""
        return _LISTED.among(ids, start, stop)

    def syndicated(self, ids):
        """The posts of `ids`, in that order, with what a feed entry shows."""
        return _SYNDICATED.in_order(ids)

    def syndicated_among(self, ids, start, stop):
        """The posts whose ids are `[start:stop]` of a list of blog.lists.LIST_IDS (with its values), newest first, with
        what a feed entry shows."""
        return _SYNDICATED.among(ids, start, stop)

    def mentioned(self, ids):
        """The posts of `ids`, in that order, with what a mention shows."""
        return _MENTIONED.in_order(ids)

    def similar_to(self, post, limit=None):
        """A list of the published posts sharing the most tags with `post`, best first: two small queries once
        its tags and their counts are loaded (three when its rarest tags cannot settle the list), the last one
        fetching them as a mention shows them (`mentioned()`).

        Each shared tag weighs 1 / (number of published posts carrying it), so a rare tag counts
        more than a common one; ties go to the most recent post. Neither `post`'s translation, already linked, nor
        both posts of a translated pair are suggested (see blog.models.similar).
        """
        limit = limit or settings.BLOG_SIMILAR_POSTS
        counts = similar.carriers_of(post)
        if not counts:
            return []
        return self.mentioned(similar.best_candidates(counts, post, limit))

    def published_to_display(self, slug):
        """The published post of `slug` with what its page shows, or None."""
        return _PUBLISHED_TO_DISPLAY.first(slug=slug)


@cache
def _every_post(shown_as):
    return getattr(Post.objects.all(), shown_as)()


# The queries of every page of posts: compiled once.
_LISTED = CompiledQuerySet(lambda _now: Post.objects.for_list().filter(pk__in=IdList("ids")))
_SYNDICATED = CompiledQuerySet(lambda _now: Post.objects.for_feed().filter(pk__in=IdList("ids")))
_MENTIONED = CompiledQuerySet(lambda _now: Post.objects.for_mentions().filter(pk__in=IdList("ids")))
_PUBLISHED_TO_DISPLAY = CompiledQuerySet(
    lambda now: (
        Post.objects.for_display()
        .published(now)
        .filter(slug=Slot("slug", models.SlugField()))
        .annotate(translation_json=translation_links.linked_translation_row(now), tag_uses_json=rows.tag_use_rows())
    )
)


class OldSlug(models.Model):
    """A slug a published post had: its old addresses answer with a permanent redirect (looked up on 404 only)."""

    post = models.ForeignKey("Post", on_delete=models.CASCADE, related_name="old_slugs", verbose_name=_("post"))
    slug = models.CharField(_("slug"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")

    def __str__(self):
        return self.slug

    @classmethod
    def remember(cls, post, old_slug):
        """`post` left `old_slug`; an address under its new slug is no longer an old one."""
        cls.objects.filter(slug=post.slug).delete()
        cls.objects.update_or_create(slug=old_slug, defaults={"post": post})


# Whether a post is to be seen, by its id (Post.Meta.indexes; SQLite's search names it, search.fts).
VISIBLE_INDEX = "blog_post_visible_idx"


class Post(OtherLanguageSummaries, TranslatableModel):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts", verbose_name=_("author")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("The post's address. Left empty, it is made from the title."),
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown. A line <!--more--> ends the excerpt."))
    markup = models.CharField(_("markup"), max_length=10, choices=Markup.choices, default=Markup.MARKDOWN)
    body_html = models.TextField(editable=False, blank=True)
    excerpt_html = models.TextField(editable=False, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.DRAFT)
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A date in the future schedules the post."),
    )
    allow_comments = models.BooleanField(_("allow comments"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress id"), null=True, blank=True, unique=True, editable=False)
    tags = TaggableManager(through=TaggedPost, manager=TagNames, blank=True, verbose_name=_("tags"))
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translated_as",
        verbose_name=_("translation of"),
        help_text=_("The original post, in the other language, when this post is its translation."),
    )

    translations = TranslatedFields(
        summary=models.TextField(
            _("summary"),
            blank=True,
            help_text=_("A few lines in the other language. Markdown. Not a translation."),
        ),
    )

    objects = PostManager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = [F("published_at").desc(nulls_first=True), "-pk"]
        indexes = [
            # The lists' ids, newest first, read from these indexes alone, in their order (blog.lists): the id
            # as their last column, PostgreSQL no longer sorts each date's posts by id on the way to a page
            # (OFFSET); with the ids, it reads the published posts' dates from the index alone (similar posts).
            models.Index(fields=["status", "published_at", "id"], name="blog_post_published_idx"),
            models.Index(fields=["language", "status", "published_at", "id"], name="blog_post_language_idx"),
            models.Index(fields=["translation_of", "status", "published_at"]),
            # Whether a post is to be seen, read by its id from this index alone: SQLite keeps a row's columns in
            # their order, and reaching the status meant reading past the body and its HTML (search.fts).
            models.Index(fields=["id", "status", "published_at", "language"], name=VISIBLE_INDEX),
        ]
        permissions = [("edit_all_posts", _("Can edit the posts of every author"))]

    def __str__(self):
        return self.title

    def clean(self):
        original = self.translation_of
        if original is None:
            return
        if original.pk == self.pk:
            raise ValidationError({"translation_of": _("A post cannot be its own translation.")})
        if original.language == self.language:
            raise ValidationError({"translation_of": _("The original must be written in the other language.")})
        if original.translation_of_id:
            raise ValidationError(
                {"translation_of": _("That post is itself a translation: choose the post it translates.")}
            )
        if original.translated_as.exclude(pk=self.pk).exists():
            raise ValidationError({"translation_of": _("That post already has a translation.")})
        if self.pk and self.translated_as.exists():
            raise ValidationError(
                {"translation_of": _("Other posts are translations of this one: it cannot be a translation itself.")}
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugs.unique_slug(self.title, self.slug_is_taken)
        was_published = None
        if self.pk is not None:
            was_published = Post.objects.published().filter(pk=self.pk).values_list("slug", flat=True).first()
        self.render()
        if self.status == PostStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        if was_published and was_published != self.slug:
            OldSlug.remember(self, was_published)

    def slug_is_taken(self, slug):
        return Post.objects.exclude(pk=self.pk).filter(slug=slug).exists()

    def get_absolute_url(self):
        return self.get_url("blog:post-detail")

    def render(self):
        """Fill body_html and excerpt_html from the body."""
        self.body_html = markup.render(self.body, self.markup)
        before_more = markup.split_more(self.body)
        self.excerpt_html = markup.render(before_more, self.markup) if before_more is not None else ""

    def get_url(self, name):
        """The URL named `name` that sits under the post's permalink: the post, its comment form, its comments feed."""
        day = timezone.localtime(self.published_at or timezone.now())
        return address(name, year=day.year, month=f"{day.month:02d}", day=f"{day.day:02d}", slug=self.slug)

    @property
    def is_published(self):
        return (
            self.status == PostStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == PostStatus.PUBLISHED and self.published_at is not None and self.published_at > timezone.now()
        )

    @property
    def comments_open(self):
        """Readers may comment: allowed on this post, published, and not past COMMENTS_CLOSE_AFTER_DAYS."""
        if not (self.allow_comments and self.is_published):
            return False
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        return not days or timezone.now() < self.published_at + datetime.timedelta(days=days)

    @cached_property
    def linked_translation(self):
        """The published post in the other language that this one translates, or that translates it
        (blog.models.translation_links)."""
        return translation_links.linked_translation(self)

    @property
    def original_of_pair(self):
        """Of a post and its linked translation, the one written first: the `x-default` of the pair."""
        return self.linked_translation if self.translation_of_id else self

    @property
    def read_in(self):
        """ "Read in English" for an English post: the words of a link leading to it."""
        return READ_IN[self.language]

    def listed_tags(self):
        """The post's tags in dictionary order, as `Post.objects.for_display()` read them (`TagLink`s), else queried."""
        if "tags_json" in self.__dict__:
            return by_name(rows.tag_links(self.tags_json))
        return by_name(self.tags.all())

    def summaries(self):
        """(language, Markdown) of every non-empty summary, the other language first.

        Reads the summaries read with the post (`for_display()`, `for_list()`): no query then.
        A republished column (when `for_list()` loaded it) lends its description where
        the post has no summary in another language.
        """
        found = {t.language_code: t.summary for t in self.summary_rows() if t.summary.strip()}
        republication = Post.republication.related.get_cached_value(self, None)
        if republication:
            lent = republication.column.descriptions()
            found.update({code: lent[code] for code in self.other_languages if code in lent and code not in found})
        order = [*self.other_languages, self.language]
        return [(code, found[code]) for code in order if code in found]

    def other_language_summaries(self):
        """(language, Markdown) of the summaries for readers of the other language, as a post page shows them."""
        return [(code, text) for code, text in self.summaries() if code != self.language]
