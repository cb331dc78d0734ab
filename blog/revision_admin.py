"""The post admin's revisions: kept on every save, listed on the History page, compared and restored."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from . import revisions
from .text import moment


class RevisionAdminMixin:
    object_history_template = "admin/blog/post/object_history.html"

    def save_model(self, request, obj, form, change):
        if change:
            revisions.record_first(obj.pk)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        revisions.record(form.instance, request.user)  # after the tags and summaries are saved

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:post_id>/revisions/<int:revision_id>/", view(self.revision_view), name="blog_post_revision"),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        post = self.get_object(request, object_id)
        extra = {"revisions": revisions.history(post) if post else []}
        return super().history_view(request, object_id, {**extra, **(extra_context or {})})

    def revision_view(self, request, post_id, revision_id):
        """A revision compared with the post as it is now (GET), and restored (POST)."""
        post = self.get_object(request, str(post_id))
        if post is None:
            raise Http404
        if not self.has_change_permission(request, post):
            raise PermissionDenied
        revision = get_object_or_404(post.revisions.select_related("user"), pk=revision_id)
        if request.method == "POST":
            return self.restore(request, post, revision)
        current = revisions.snapshot(post)
        previous = post.revisions.filter(pk__lt=revision.pk).order_by("-pk").first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "post": post,
            "revision": revision,
            "title": _("Version of %(date)s") % {"date": moment(revision.created_at)},
            "against_current": revisions.changes(current, revision.data),
            "against_previous": revisions.changes(previous.data, revision.data) if previous else None,
            "is_current": current == revision.data,
        }
        return TemplateResponse(request, "admin/blog/post/revision.html", context)

    def restore(self, request, post, revision):
        restored = revisions.restore(revision, request.user)
        if restored:
            when = moment(revision.created_at)
            self.log_change(request, post, _("Restored the version of %(date)s") % {"date": when})
            self.message_user(request, _("The earlier version is back. The one it replaced is kept in History."))
        else:
            self.message_user(request, _("That version is the current one: nothing to restore."), messages.WARNING)
        return HttpResponseRedirect(reverse("admin:blog_post_change", args=[post.pk]))
