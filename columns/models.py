from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from blog.models import Language


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


class Column(TranslatableModel):
    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="columns", verbose_name=_("publication")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    translations = TranslatedFields(
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("columns:column-detail", kwargs={"slug": self.slug})


class OriginalStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Not checked yet")
    ONLINE = "online", _("Online")
    MOVED = "moved", _("Moved")
    GONE = "gone", _("Gone")


class Republication(models.Model):
    post = models.OneToOneField(
        "blog.Post", on_delete=models.CASCADE, related_name="republication", verbose_name=_("blog post")
    )
    column = models.ForeignKey(
        Column, on_delete=models.PROTECT, related_name="republications", verbose_name=_("column")
    )
    original_url = models.URLField(_("original URL"), max_length=500, unique=True)
    original_title = models.CharField(_("original title"), max_length=300, blank=True)
    originally_published_on = models.DateField(_("first published on"), null=True, blank=True)
    original_status = models.CharField(
        _("status of the original"), max_length=10, choices=OriginalStatus.choices, default=OriginalStatus.UNKNOWN
    )
    moved_to_url = models.URLField(_("new address of the original"), max_length=500, blank=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    archive_url = models.URLField(_("archived copy"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        ordering = ["-originally_published_on", "-pk"]

    def __str__(self):
        return self.original_title or self.original_url
