from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from .models import tag_use

        # After every migrate (a rebuilt SQLite table loses its triggers), and after a test flush.
        pre_migrate.connect(tag_use.uninstall_before_migrate, dispatch_uid="blog-tag-use-triggers")
        post_migrate.connect(tag_use.install_after_migrate, dispatch_uid="blog-tag-use-triggers")
