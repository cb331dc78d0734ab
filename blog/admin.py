from django.contrib import admin, messages
from django.db.models import Count, Value
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit import admin as taggit_admin  # noqa: F401 - taggit's TagAdmin, registered first, then replaced below
from taggit.models import Tag

from . import desk, extensions, revisions
from .models import Post, PostStatus
from .post_form import SUMMARY_FIELDS, PostAdminForm
from .revision_admin import RevisionAdminMixin
from .tag_admin import TagAdmin
from .text import dictionary_order

LISTED_TAGS = 5  # in the post list


def with_detail(value, detail):
    """A list's value with a detail under it in a smaller type (admin/css/carnet.css): fewer, narrower columns."""
    return format_html('{}<br><span class="list-detail">{}</span>', value, detail)


class StatusFilter(admin.SimpleListFilter):
    """Draft, scheduled, published: the three states the list's status column shows."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("draft", _("Draft")), ("scheduled", _("Scheduled")), ("published", _("Published"))]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.filter(status=PostStatus.DRAFT)
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


class MissingSummaryFilter(admin.SimpleListFilter):
    title = _("summary in the other language")
    parameter_name = "other_summary"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing")), ("present", _("Present"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.missing_other_summary()
        if self.value() == "present":
            return queryset.exclude(pk__in=queryset.missing_other_summary().values("pk"))
        return queryset


class TagFilter(admin.SimpleListFilter):
    """The most used tags, and the one chosen: twenty years of posts carry hundreds, too many for a list
    (the search box finds posts by any tag's name)."""

    title = _("tag")
    parameter_name = "tag"
    shown = 15

    def lookups(self, request, model_admin):
        # Counted over the posts this list shows: an author's own tags, an editor's all.
        posts = model_admin.get_queryset(request).values("pk")
        used = (
            Tag.objects.filter(blog_taggedpost_items__content_object__in=posts)
            .annotate(posts=Count("blog_taggedpost_items"))
            .order_by("-posts", "name")
        )
        tags = dict(used.values_list("slug", "name")[: self.shown])
        if self.value() and self.value() not in tags:
            tags.update(Tag.objects.filter(slug=self.value()).values_list("slug", "name"))
        return sorted(tags.items(), key=lambda tag: dictionary_order(tag[1]))

    def queryset(self, request, queryset):
        return queryset.filter(tags__slug=self.value()) if self.value() else queryset


@admin.register(Post)
class PostAdmin(RevisionAdminMixin, admin.ModelAdmin):
    form = PostAdminForm
    change_form_template = "admin/blog/post/change_form.html"
    list_display = [
        "title",
        "language",
        "publication_status",
        "published_at",
        "author",
        "tag_list",
        "has_other_summary",
    ]
    list_filter = [StatusFilter, "language", MissingSummaryFilter, "author", TagFilter]
    search_fields = ["title", "body", "translations__summary", "tags__name"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    readonly_fields = ["preview_link", "translated_as_links"]
    autocomplete_fields = ["translation_of"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language"]}),
        (_("Writing"), {"fields": ["body", *SUMMARY_FIELDS.values()], "classes": ["desk-writing"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "allow_comments",
                    "author",
                    "tags",
                    "translation_of",
                    "translated_as_links",
                    "preview_link",
                ]
            },
        ),
    ]

    class Media:
        # The slug from the title in plain ASCII, as blog.slugs makes it: replaces urlify.js's URLify, so after it.
        js = ["admin/js/urlify.js", "blog/admin/slug.js"]

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *extensions.admin_inlines]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .editable_by(request.user)
            .select_related("author")
            .prefetch_related("tags")
            .with_summaries()  # a republished column's description counts as its summary, as readers see it
        )

    def get_list_filter(self, request):
        if request.user.has_perm("blog.edit_all_posts"):
            return self.list_filter
        return [name for name in self.list_filter if name != "author"]  # an author only sees their own posts

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm("blog.edit_all_posts"):
            return self.readonly_fields
        return [*self.readonly_fields, "author"]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("desk/preview/", view(desk.preview), name="blog_post_desk_preview"),
            path("desk/autosave/", view(desk.autosave), name="blog_post_desk_autosave"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["desk"] = desk.form_context(request.user, context["adminform"].form, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        if not change and not request.user.has_perm("blog.edit_all_posts"):
            obj.author = request.user
        super().save_model(request, obj, form, change)
        desk.clear_draft(request.user, obj if change else None)

    @admin.display(description=_("status"), ordering="status")
    def publication_status(self, obj):
        return _("Scheduled") if obj.is_scheduled else obj.get_status_display()

    @admin.display(description=_("tags"))
    def tag_list(self, obj):
        """The first few tags: a post with forty made its row a screen tall."""
        names = [tag.name for tag in obj.listed_tags()]
        if len(names) <= LISTED_TAGS:
            return ", ".join(names)
        more = len(names) - LISTED_TAGS
        return ngettext("%(tags)s and %(more)d more", "%(tags)s and %(more)d more", more) % {
            "tags": ", ".join(names[:LISTED_TAGS]),
            "more": more,
        }

    @admin.display(boolean=True, description=_("other-language summary"))
    def has_other_summary(self, obj):
        return any(code in obj.other_languages for code, _text in obj.summaries())

    @admin.display(description=_("translated as"))
    def translated_as_links(self, obj):
        """The other side of `translation_of`: the posts that translate this one."""
        translations = obj.translated_as.all() if obj.pk else []
        rows = ((reverse("admin:blog_post_change", args=[t.pk]), t.language, t.title) for t in translations)
        return format_html_join(", ", '<a href="{0}" lang="{1}">{2}</a> [{1}]', rows) or "—"

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return _("Save the post to preview it.")
        return format_html(
            '<a href="{}" target="_blank">{}</a>', reverse("blog:post-preview", args=[obj.pk]), _("Preview the post")
        )

    @admin.action(description=_("Publish the selected posts"), permissions=["change"])
    def publish(self, request, queryset):
        blocked = {}
        for post in queryset if extensions.publish_checks else ():
            reasons = [reason for check in extensions.publish_checks if (reason := check(post))]
            if reasons:
                blocked[post.pk] = f"“{post.title}”: {' '.join(reasons)}"
        if blocked:
            self.message_user(request, " ".join(blocked.values()), messages.WARNING)
            queryset = queryset.exclude(pk__in=blocked)
        posts = revisions.record_first_of_each(queryset)
        count = queryset.update(
            status=PostStatus.PUBLISHED, published_at=Coalesce("published_at", Value(timezone.now()))
        )
        revisions.record_each(posts, request.user)
        self.message_user(
            request, ngettext("%d post published.", "%d posts published.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Unpublish the selected posts (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        posts = revisions.record_first_of_each(queryset)
        count = queryset.update(status=PostStatus.DRAFT)
        revisions.record_each(posts, request.user)
        self.message_user(
            request, ngettext("%d post unpublished.", "%d posts unpublished.", count) % count, messages.SUCCESS
        )


admin.site.unregister(Tag)
admin.site.register(Tag, TagAdmin)
