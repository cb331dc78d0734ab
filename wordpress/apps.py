from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    name = "wordpress"
    verbose_name = _("WordPress import")

    def ready(self):
        from blog.tag_merge import tags_merged

        from .tag_merge import follow_merged_tags

        tags_merged.connect(follow_merged_tags, dispatch_uid="wordpress-follow-merged-tags")
