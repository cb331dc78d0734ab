from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Redirect(models.Model):
    """An address of the old blog that answers a permanent redirect to its new place."""

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("A path such as /2010/10/05/my-post/, or /?p=123 for WordPress short links."),
    )
    post = models.ForeignKey(
        "blog.Post",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="redirects",
        verbose_name=_("post"),
        help_text=_("The redirect follows the post when its address changes."),
    )
    tag = models.ForeignKey(
        "taggit.Tag",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tag"),
        help_text=_("For an old category or tag archive: the redirect follows the tag's address."),
    )
    page = models.ForeignKey(
        "pages.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="redirects",
        verbose_name=_("page"),
        help_text=_("For an old page: the redirect follows the page's address."),
    )
    target = models.CharField(
        _("new address"), max_length=500, blank=True, help_text=_("Used when no post, tag or page is chosen.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]

    def __str__(self):
        return self.old_path

    def get_target_url(self):
        if self.post_id:
            return self.post.get_absolute_url()
        if self.tag_id:
            return reverse("blog:tag-detail", args=[self.tag.slug])
        if self.page_id:  # a draft page's address is not given away
            return self.page.get_absolute_url() if self.page.is_published else ""
        return self.target


class Upload(models.Model):
    """A file of the old blog's `wp-content/uploads` folder, and its copy in Carnet.

    `path` is where the file lay in that folder (`2010/05/photo.jpg`): whatever the old
    host, it is what finds the copy again, for a second import and for the permanent
    redirect of the old address. `key` is the path without WordPress's size suffix, so
    that `photo-300x199.jpg` finds the same copy.
    """

    path = models.CharField(_("path in the old uploads folder"), max_length=500, unique=True)
    key = models.CharField(_("path without the size suffix"), max_length=500, db_index=True)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress id"), null=True, blank=True, db_index=True)
    item = models.ForeignKey(
        "media.MediaItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("media item"),
    )
    file = models.FileField(
        _("file"),
        max_length=500,
        blank=True,
        help_text=_("A file the media library does not take (audio, video…), kept as it was."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old upload")
        verbose_name_plural = _("old uploads")
        ordering = ["path"]

    def __str__(self):
        return self.path

    @property
    def url(self):
        return self.item.url if self.item_id else self.file.url


class ImportedBlog(models.Model):
    """The WordPress blog moved into Carnet (wordpress.blogs): an export of another one is refused."""

    address = models.CharField(_("address"), max_length=500, unique=True, help_text=_("Host and path, as compared."))
    url = models.CharField(_("address in the export"), max_length=500)
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported blog")
        verbose_name_plural = _("imported blogs")
        ordering = ["address"]

    def __str__(self):
        return self.url
