from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from parler.admin import TranslatableAdmin

from blog.admin import with_detail
from blog.text import moment

from . import candidates
from .forms import AbsoluteURLField, RepublicationForm
from .models import Column, Publication, Republication

FROM_CANDIDATES = "from_candidates"


class RepublicationInline(admin.StackedInline):
    """On a blog post: mark it as a republished column and link its original."""

    model = Republication
    form = RepublicationForm
    fields = ["column", "original_url", "original_title", "originally_published_on", "archive_url", "original_status"]
    readonly_fields = ["original_status"]
    extra = 1
    max_num = 1
    verbose_name = _("original (republished column)")
    verbose_name_plural = _("original (republished column)")


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "language"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = {models.URLField: {"form_class": AbsoluteURLField}}


@admin.register(Column)
class ColumnAdmin(TranslatableAdmin):
    list_display = ["name", "publication"]
    list_filter = ["publication"]
    list_select_related = ["publication"]
    search_fields = ["name", "publication__name"]
    fields = ["publication", "name", "slug", "description"]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("name",)}


@admin.register(Republication)
class RepublicationAdmin(admin.ModelAdmin):
    form = RepublicationForm
    # Five columns, the last check under the original's status and its address free to wrap: with seven, and the
    # address on one line, the list was 1,500 px wide on a laptop's screen, and the address out of sight.
    list_display = ["post", "column", "originally_published_on", "status_and_check", "original_link"]
    list_filter = ["column__publication", "column", "original_status"]
    list_select_related = ["post", "column"]
    search_fields = ["post__title", "original_title", "original_url", "column__name"]
    date_hierarchy = "originally_published_on"
    autocomplete_fields = ["post"]
    readonly_fields = ["checked_at", "failed_checks", "last_check_error"]
    fieldsets = [
        (None, {"fields": ["post", "column", "original_url", "original_title", "originally_published_on"]}),
        (
            _("Keeping the original in check"),
            {
                "fields": [
                    "original_status",
                    "moved_to_url",
                    "archive_url",
                    "checked_at",
                    "failed_checks",
                    "last_check_error",
                ]
            },
        ),
    ]

    def get_urls(self):
        return [
            path(
                "candidates/",
                self.admin_site.admin_view(self.candidates_view),
                name="columns_republication_candidates",
            ),
            *super().get_urls(),
        ]

    def candidates_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        found = [
            (publication, [(post, snippet, self._link_url(post, column)) for post, snippet in posts])
            for publication, column, posts in candidates.by_publication()
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Posts that may be republished columns"),
            "found": found,
        }
        return TemplateResponse(request, "admin/columns/republication/candidates.html", context)

    def _link_url(self, post, column):
        initial = {"post": post.pk, "original_title": post.title, FROM_CANDIDATES: 1}
        if column:
            initial["column"] = column.pk
        return reverse("admin:columns_republication_add") + "?" + urlencode(initial)

    def response_add(self, request, obj, post_url_continue=None):
        if request.GET.get(FROM_CANDIDATES) and not {"_continue", "_addanother"} & set(request.POST):
            self.message_user(
                request, _("“%(post)s” is now linked to its original.") % {"post": obj.post}, messages.SUCCESS
            )
            return redirect("admin:columns_republication_candidates")
        return super().response_add(request, obj, post_url_continue)

    @admin.display(description=_("status of the original"), ordering="original_status")
    def status_and_check(self, obj):
        """The original's status, and under it when it was last checked and how many checks in a row failed."""
        if not obj.checked_at:
            return obj.get_original_status_display()
        check = _("checked on %(date)s") % {"date": moment(obj.checked_at)}
        if obj.failed_checks:
            failed = ngettext("%(count)d failed check in a row", "%(count)d failed checks in a row", obj.failed_checks)
            check = f"{check}, {failed % {'count': obj.failed_checks}}"
        return with_detail(obj.get_original_status_display(), check)

    @admin.display(description=_("original"))
    def original_link(self, obj):
        address = obj.original_address()
        if not address:
            return _("no longer online")
        return format_html('<a href="{}" rel="noopener" target="_blank">{}</a>', address, address)
