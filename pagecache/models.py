from django.db import models


class Generation(models.Model):
    """One row: a number the database itself raises on any change to what readers see.

    Triggers (pagecache.triggers) raise it in the same transaction as the change, so a
    reader who sees the new number also sees the new content, whatever wrote it: a form,
    an admin action's queryset.update(), an import's bulk_create, raw SQL.
    """

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)

    def __str__(self):
        return str(self.number)
