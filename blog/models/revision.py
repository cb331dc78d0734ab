from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RevisionKind(models.TextChoices):
    SAVED = "saved", _("Saved")
    RESTORED = "restored", _("Restored")
    FOUND = "found", _("As it was before revisions were kept")


class Revision(models.Model):
    """A post as it stood after one save: the words an author may want back (see blog.revisions)."""

    post = models.ForeignKey("Post", on_delete=models.CASCADE, related_name="revisions", verbose_name=_("post"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    data = models.JSONField(_("content"))
    kind = models.CharField(_("kind"), max_length=10, choices=RevisionKind.choices, default=RevisionKind.SAVED)
    restored_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("restored from")
    )

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post_id} @ {self.created_at:%Y-%m-%d %H:%M}"
