from django.core.exceptions import ValidationError
from django.db import models
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from blog import markup, slugs
from blog.models import Language, Markup, PostStatus
from blog.models.summaries import OtherLanguageSummaries

from . import addresses


def page_url(path):
    """The address of the page at `path`."""
    # Not reverse(): a path the route refuses (stored without clean(), by a script) must not
    # break the menu of every page.
    return iri_to_uri(f"{get_script_prefix()}{path}/")


class PageQuerySet(TranslatableQuerySet):
    def published(self, now=None):
        """Pages readers may see: published, with a publication date that has come (by `now`, the present)."""
        return self.filter(status=PostStatus.PUBLISHED, published_at__lte=now or timezone.now())

    def visible_to(self, user):
        """Readers see published pages; editors also drafts and scheduled pages."""
        if user.has_perm("pages.change_page"):
            return self.all()
        return self.published()

    def in_navigation(self, now=None):
        """The published top-level pages the site's navigation lists, in their order."""
        return self.published(now).filter(parent=None, in_navigation=True).order_by("order", "title")


class PageManager(TranslatableManager.from_queryset(PageQuerySet)):
    pass


class Page(OtherLanguageSummaries, TranslatableModel):
    """A page outside the flow of posts (About, Services, Contact), at an address such as /about/."""

    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        allow_unicode=True,
        blank=True,
        help_text=_("The page's address. Left empty, it is made from the title."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent page"),
        help_text=_("A page under another one has its address under the other's: /parent/page/."),
    )
    path = models.CharField(_("address"), max_length=500, unique=True, editable=False)
    order = models.IntegerField(_("order"), default=0, help_text=_("Pages with a smaller number come first."))
    in_navigation = models.BooleanField(
        _("in the navigation"), default=True, help_text=_("A published top-level page is listed in the site's menu.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    markup = models.CharField(_("markup"), max_length=10, choices=Markup.choices, default=Markup.MARKDOWN)
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.DRAFT)
    published_at = models.DateTimeField(
        _("publication date"), null=True, blank=True, help_text=_("A date in the future schedules the page.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress id"), null=True, blank=True, unique=True, editable=False)

    translations = TranslatedFields(
        summary=models.TextField(
            _("summary"), blank=True, help_text=_("A few lines in the other language. Markdown. Not a translation.")
        ),
    )

    objects = PageManager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["path"]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.slug:
            self.slug = self.free_slug()
        ancestors = self.ancestors()
        if self.pk and any(page.pk == self.pk for page in ancestors):
            raise ValidationError({"parent": _("A page cannot be placed under itself or under one of its own pages.")})
        path = self.path_under(ancestors)
        if addresses.is_carnet_address(path):
            raise ValidationError(
                {"slug": _("“/%(path)s/” is one of Carnet's own addresses: choose another slug.") % {"path": path}}
            )
        if Page.objects.exclude(pk=self.pk).filter(path=path).exists():
            raise ValidationError({"slug": _("Another page already has the address “/%(path)s/”.") % {"path": path}})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        old_path = self.path
        self.path = self.path_under(self.ancestors())
        self.body_html = markup.render(self.body, self.markup)
        if self.status == PostStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        if old_path != self.path:
            OldPath.objects.filter(path=self.path).delete()  # the address is a page's again
        if old_path and old_path != self.path:
            OldPath.objects.update_or_create(path=old_path, defaults={"page": self})
            for child in self.children.all():
                child.save(update_fields=["path"])

    def ancestors(self):
        """The pages above this one, the nearest first (stops at a loop)."""
        found, page = [], self.parent
        while page is not None and page not in found:
            found.append(page)
            page = page.parent
        return found

    def path_under(self, ancestors):
        return "/".join([*(page.slug for page in reversed(ancestors)), self.slug])

    def free_slug(self):
        siblings = Page.objects.exclude(pk=self.pk).filter(parent=self.parent_id)
        return slugs.unique_slug(
            self.title,
            lambda slug: siblings.filter(slug=slug).exists() or addresses.is_carnet_address(self.path_with(slug)),
        )

    def path_with(self, slug):
        return "/".join([*(page.slug for page in reversed(self.ancestors())), slug])

    def get_absolute_url(self):
        return page_url(self.path)

    @property
    def is_published(self):
        return (
            self.status == PostStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def other_language_summaries(self):
        return self.own_other_language_summaries()  # a page borrows no summary


class OldPath(models.Model):
    """An address a page had before its slug or its parent changed: links to it still reach the page."""

    path = models.CharField(_("address"), max_length=500, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="old_paths", verbose_name=_("page"))

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")

    def __str__(self):
        return f"/{self.path}/"
