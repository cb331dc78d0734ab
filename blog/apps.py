from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from taggit.models import Tag

        from . import slugs
        from .models import post_count, tag_use

        # After every migrate (a rebuilt SQLite table loses its triggers), and after a test flush.
        for name, counting in [("tag-use", tag_use.TRIGGERS), ("post-count", post_count.TRIGGERS)]:
            pre_migrate.connect(counting.uninstall_before_migrate, dispatch_uid=f"blog-{name}-triggers")
            post_migrate.connect(counting.install_after_migrate, dispatch_uid=f"blog-{name}-triggers")
        pre_save.connect(slugs.give_tag_an_address, sender=Tag, dispatch_uid="blog-tag-slug")
        post_save.connect(tag_use.recount_when_saved, sender=tag_use.TagUse, dispatch_uid="blog-tag-use-recount")
        post_save.connect(
            post_count.recount_when_saved, sender=post_count.PostCount, dispatch_uid="blog-post-count-recount"
        )
