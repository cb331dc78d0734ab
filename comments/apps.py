from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from blog import extensions

        from . import demo
        from .models import with_comment_count
        from .rendering import comment_count
        from .section import section_html

        extensions.add_template("post_head", "comments/_comment_feed_link.html")
        extensions.add_template("post_after", section_html)
        extensions.add_template("post_card_footer", comment_count)
        extensions.register(extensions.list_annotations, with_comment_count)
        extensions.register(extensions.demo_seeders, demo.seed)
