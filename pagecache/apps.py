from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import triggers

        # After every migrate (a rebuilt SQLite table loses its triggers), and after a test flush.
        post_migrate.connect(triggers.install_after_migrate, dispatch_uid="pagecache-triggers")
