from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    IMAGE = "image", _("Image")
    DOCUMENT = "document", _("Document")


class MediaItemQuerySet(models.QuerySet):
    def manageable_by(self, user):
        """Editors manage every upload; authors only their own."""
        if user.has_perm("media.manage_all_media"):
            return self.all()
        return self.filter(uploaded_by=user)

    def for_urls(self, urls):
        """The items whose original file is at one of `urls` (as `item.url` gives them)."""
        names = [name for name in map(name_from_url, urls) if name]
        return self.filter(file__in=names) if names else self.none()


class MediaItem(models.Model):
    file = models.FileField(_("file"), max_length=300, editable=False)
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, editable=False)
    content_type = models.CharField(_("content type"), max_length=50, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    checksum = models.CharField(_("SHA-256"), max_length=64, db_index=True, editable=False)
    # [{"width": 480, "height": 360, "format": "webp", "name": "2026/12/x.480.webp", "bytes": 12345}, ...]
    renditions = models.JSONField(_("renditions"), default=list, editable=False)
    alt_text = models.CharField(
        _("alt text"),
        max_length=500,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it, in the post's language. Required."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=300, blank=True, help_text=_("For example: Photo: Jane Doe (CC BY)")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="media_items",
        verbose_name=_("uploaded by"),
        editable=False,
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    posts = models.ManyToManyField("blog.Post", through="MediaUsage", related_name="+", verbose_name=_("used in"))

    objects = MediaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("media item")
        verbose_name_plural = _("media items")
        ordering = ["-created_at", "-pk"]
        permissions = [("manage_all_media", _("Can manage the uploads of every author"))]

    def __str__(self):
        return self.caption or self.alt_text or self.original_name

    def get_absolute_url(self):
        """The file itself: the admin's "View on site" opens it (the admin page it named led back to itself)."""
        return self.url

    @property
    def url(self):
        """The address of the original file, the one the Markdown of a post points to."""
        return self.file.url

    @property
    def is_image(self):
        return self.kind == Kind.IMAGE

    @property
    def needs_alt_text(self):
        return self.is_image and not self.alt_text.strip()

    def markdown(self, alt=None, caption=None):
        """What a post's body carries to show this item: a picture, or a link to a document."""
        alt = self.alt_text if alt is None else alt
        caption = self.caption if caption is None else caption
        label = escape_markdown_label(alt if self.is_image else (caption or self.original_name))
        title = ' "{}"'.format(caption.replace('"', "'")) if caption and self.is_image else ""
        return f"{'!' if self.is_image else ''}[{label}]({self.url}{title})"

    def rendition_url(self, rendition):
        return default_storage.url(rendition["name"])

    def srcsets(self):
        """{format: "url 480w, url 960w"} of the renditions, smallest first."""
        found = {}
        for rendition in sorted(self.renditions, key=lambda r: r["width"]):
            found.setdefault(rendition["format"], []).append(f"{self.rendition_url(rendition)} {rendition['width']}w")
        return {fmt: ", ".join(candidates) for fmt, candidates in found.items()}

    def stored_names(self):
        return [self.file.name, *(r["name"] for r in self.renditions)]


class MediaUsage(models.Model):
    """A post whose body shows a media item; kept up to date each time the post is saved.

    A media item a post shows cannot be deleted (PROTECT): the post would show a broken picture.
    """

    item = models.ForeignKey(MediaItem, on_delete=models.PROTECT, related_name="usages", verbose_name=_("media item"))
    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="+", verbose_name=_("post"))

    class Meta:
        verbose_name = _("use in a post")
        verbose_name_plural = _("uses in posts")
        constraints = [models.UniqueConstraint(fields=["item", "post"], name="media_usage_unique")]

    def __str__(self):
        return str(_("Used in the post “%(title)s”") % {"title": self.post.title})


def escape_markdown_label(text):
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("\n", " ")


def storage_prefixes():
    """The beginnings of the addresses of stored files, as the storage builds them."""
    prefixes = {default_storage.url("x")[:-1], settings.MEDIA_URL}
    return sorted((p for p in prefixes if p), key=len, reverse=True)


def name_from_url(url):
    """The storage name of a file from its address, or None if it is not a stored file's."""
    from urllib.parse import unquote

    url = (url or "").strip().strip("<>")
    for prefix in storage_prefixes():
        if url.startswith(prefix) and len(url) > len(prefix):
            return unquote(url[len(prefix) :].split("?", 1)[0])
    return None
