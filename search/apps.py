from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from blog import extensions

        from . import indexing, signals  # noqa: F401 - signals connects the index to post, summary and tag changes

        extensions.register(extensions.bulk_writers, indexing.deferred)
