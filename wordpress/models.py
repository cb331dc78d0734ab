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
