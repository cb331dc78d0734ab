import re
from urllib.parse import urlsplit

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from blog.links import absolute_url
from blog.models import Language, Post


class Publication(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    url = models.URLField(_("website"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def candidate_posts(self):
        """Published posts that mention this publication by name but are not linked to an original yet."""
        return Post.objects.published().filter(body__icontains=self.name, republication__isnull=True)


class ColumnQuerySet(TranslatableQuerySet):
    def with_pieces(self):
        """Columns with `num_pieces`, the number of their republished posts readers may see."""
        return self.annotate(
            num_pieces=models.Count(
                "republications", filter=models.Q(republications__post__in=Post.objects.published())
            )
        )


class ColumnManager(TranslatableManager.from_queryset(ColumnQuerySet)):
    pass


class Column(TranslatableModel):
    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="columns", verbose_name=_("publication")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    translations = TranslatedFields(
        description=models.TextField(_("description"), blank=True),
    )

    objects = ColumnManager()

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("columns:column-detail", kwargs={"slug": self.slug})

    def descriptions(self):
        """{language: description} of every non-empty description, from the prefetched translations."""
        return {t.language_code: t.description for t in self.translations.all() if t.description.strip()}


class OriginalStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Not checked yet")
    ONLINE = "online", _("Online")
    MOVED = "moved", _("Moved")
    GONE = "gone", _("Gone")


class RepublicationQuerySet(models.QuerySet):
    def published(self):
        """Republications whose blog copy readers may see."""
        return self.filter(post__in=Post.objects.published())

    def for_list(self):
        """Everything a list of pieces shows, in a fixed number of queries."""
        return self.select_related("post", "column__publication")

    def same_original(self, url):
        """Republications of the page at `url`, however its address is written: http or https, with or
        without `www.`, a capital in the host, a closing slash."""
        key = original_key(url)
        candidates = self.filter(original_url__icontains=key[1]).only("original_url")
        return self.filter(pk__in=[other.pk for other in candidates if original_key(other.original_url) == key])


def original_key(url):
    """An address as the page it names, not as typed: scheme, default port, `www.`, the host's case and final dot,
    doubled and closing slashes left out."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".").removeprefix("www.")
    try:
        port = "" if parts.port in (None, 80, 443) else f":{parts.port}"
    except ValueError:  # "http://localhost:99999/": a port no server has, compared as typed
        port = parts.netloc.rpartition(":")[2]
    return host + port, re.sub("/+", "/", parts.path).rstrip("/"), parts.query


class Republication(models.Model):
    post = models.OneToOneField(
        "blog.Post", on_delete=models.CASCADE, related_name="republication", verbose_name=_("blog post")
    )
    column = models.ForeignKey(
        Column, on_delete=models.PROTECT, related_name="republications", verbose_name=_("column")
    )
    original_url = models.URLField(_("original URL"), max_length=500, unique=True)
    original_title = models.CharField(
        _("original title"), max_length=300, blank=True, help_text=_("Leave empty to use the blog post's title.")
    )
    originally_published_on = models.DateField(_("first published on"), null=True, blank=True)
    original_status = models.CharField(
        _("status of the original"), max_length=10, choices=OriginalStatus.choices, default=OriginalStatus.UNKNOWN
    )
    moved_to_url = models.URLField(_("new address of the original"), max_length=500, blank=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    failed_checks = models.PositiveIntegerField(
        _("failed checks in a row"), default=0, help_text=_("Network errors and server errors since the last answer.")
    )
    last_check_error = models.CharField(_("last check error"), max_length=300, blank=True)
    archive_url = models.URLField(
        _("archived copy"),
        max_length=500,
        blank=True,
        help_text=_("A web-archive copy, shown once the original is gone."),
    )

    objects = RepublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        ordering = ["-originally_published_on", "-pk"]

    def __str__(self):
        return self.original_title or self.original_url

    def save(self, *args, **kwargs):
        if not self.original_title:
            self.original_title = self.post.title
        super().save(*args, **kwargs)

    def forget_checks(self):
        """A new address for the original: what was found at the old one no longer holds."""
        self.original_status = OriginalStatus.UNKNOWN
        self.moved_to_url = ""
        self.checked_at = None
        self.failed_checks = 0
        self.last_check_error = ""

    @property
    def is_gone(self):
        return self.original_status == OriginalStatus.GONE

    @property
    def last_known_address(self):
        """The original's address as last seen: the new one once it has moved."""
        if self.original_status == OriginalStatus.MOVED and self.moved_to_url:
            return self.moved_to_url
        return self.original_url

    def original_address(self):
        """Where the original lives now; None once it is gone."""
        return None if self.is_gone else self.last_known_address

    def canonical_url(self):
        """The absolute URL search engines should index: the original while it lives, else the blog copy."""
        return self.original_address() or absolute_url(self.post.get_absolute_url())
