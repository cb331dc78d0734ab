from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from blog import extensions

        from . import demo
        from .menu import menu_links

        extensions.add_template("nav", menu_links)
        extensions.register(extensions.demo_seeders, demo.seed)
