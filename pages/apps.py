from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from blog import extensions

        from . import demo

        extensions.add_template("nav", "pages/_nav.html")
        extensions.register(extensions.demo_seeders, demo.seed)
