from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ColumnsConfig(AppConfig):
    name = "columns"
    verbose_name = _("Columns")

    def ready(self):
        from blog import extensions

        from . import canonical, demo, summaries
        from .admin import RepublicationInline
        from .card import column_line, menu_link

        extensions.add_template("nav", menu_link)
        extensions.add_template("post_before_body", "columns/_notice.html")
        extensions.add_template("post_card_meta", column_line)
        extensions.register(extensions.admin_inlines, RepublicationInline)
        extensions.register(extensions.canonical_urls, canonical.canonical_url)
        extensions.register(extensions.canonical_elsewhere, canonical.CANONICAL_ELSEWHERE)
        extensions.register(extensions.demo_seeders, demo.seed)
        extensions.register(extensions.lent_summaries, summaries.lent_by_column)
