"""Tags in the admin: how many posts carry each, and merging several into one.

django-taggit's own admin merges its generic `TaggedItem` rows, which Carnet does not use
(its posts' tags are `TaggedPost` rows): its merge said "merged" and changed nothing.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .tag_merge import merge_tags


class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "post_count"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(post_count=Count("blog_taggedpost_items"))

    @admin.display(description=_("posts"), ordering="post_count")
    def post_count(self, tag):
        return tag.post_count

    def has_merge_permission(self, request):
        """Editors only: a merge re-tags everyone's posts, and an author changes only her own."""
        return request.user.has_perm("blog.edit_all_posts")

    @admin.action(description=_("Merge the selected tags into one"), permissions=["merge"])
    def merge(self, request, queryset):
        tags = list(queryset.order_by("-post_count", "name"))
        if len(tags) < 2:
            self.message_user(request, _("Select at least two tags to merge."), messages.WARNING)
            return None
        kept = next((tag for tag in tags if str(tag.pk) == request.POST.get("kept")), None)
        if kept is None:  # first step: which name stays
            context = {
                **self.admin_site.each_context(request),
                "title": _("Merge tags"),
                "opts": self.model._meta,
                "tags": tags,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/taggit/tag/merge.html", context)
        merged = [tag for tag in tags if tag != kept]
        merge_tags(kept, merged, request.user)
        self.message_user(
            request,
            ngettext(
                "Merged into “%(kept)s”: %(names)s. Its posts carry “%(kept)s” now, and its address leads there.",
                "Merged into “%(kept)s”: %(names)s. Their posts carry “%(kept)s” now, and their addresses lead there.",
                len(merged),
            )
            % {"names": ", ".join(tag.name for tag in merged), "kept": kept.name},
            messages.SUCCESS,
        )
        return None
