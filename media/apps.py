from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Media library")

    def ready(self):
        from django.contrib import admin
        from django.db.models.signals import post_save

        from blog import extensions
        from blog.models import Post

        from . import figures, usage
        from .editor import extend_post_admin, publish_check

        extensions.register(extensions.markdown_extensions, figures.FigureExtension)
        extensions.register(extensions.html_processors, figures.responsive_images)
        extensions.register(extensions.publish_checks, publish_check)
        post_save.connect(usage.record, sender=Post, dispatch_uid="media.usage.record")
        extend_post_admin(admin.site.get_model_admin(Post))
