from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PostDraft(models.Model):
    """What an author last typed in a post form, saved while she types, until the post is saved.

    One per author and post; `post` is empty for the form of a post not yet saved.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="post_drafts", verbose_name=_("user")
    )
    post = models.ForeignKey(
        "Post", on_delete=models.CASCADE, null=True, blank=True, related_name="drafts", verbose_name=_("post")
    )
    data = models.JSONField(_("form fields"), default=dict)
    saved_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        verbose_name = _("unsaved post draft")
        verbose_name_plural = _("unsaved post drafts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post"], condition=models.Q(post__isnull=False), name="one_draft_per_user_and_post"
            ),
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(post__isnull=True), name="one_new_post_draft_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.post or _('new post')}"
