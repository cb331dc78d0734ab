"""Moderation: comments, subscriptions and the e-mails they caused."""

from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from blog.admin import with_detail
from blog.post_form import TypedText
from blog.text import excerpt, moment

from . import services, spam
from .models import Comment, CommentStatus, Notification, NotificationStatus, Subscription, reply_address


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    # Four columns, so that the list fits beside its filters on a laptop's screen, each comment readable: its date
    # under its words, why it was held under its status.
    list_display = ["author_name", "post", "comment_and_date", "status_and_reason"]
    list_filter = ["status", "kind", "language", "created_at"]
    list_select_related = ["post"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}, models.TextField: {"form_class": TypedText}}
    search_fields = ["author_name", "author_email", "body", "ip_address", "post__title"]
    date_hierarchy = "created_at"
    actions = ["approve", "mark_spam", "remove"]
    ordering = ["-created_at", "-pk"]  # what came in last, first
    raw_id_fields = ["post", "parent", "user"]
    exclude = ["held_because"]  # shown as `reason`, in the moderator's language
    readonly_fields = ["reply_link", "ip_address", "user_agent", "reason", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).moderated_by(request.user)

    def get_readonly_fields(self, request, obj=None):
        """An author moderates the comments on her posts: she decides their status, and changes nothing else."""
        if request.user.has_perm("blog.edit_all_posts"):
            return self.readonly_fields
        unchanged = [field.name for field in Comment._meta.fields if field.name not in ("id", "status", "held_because")]
        return ["reply_link", *unchanged, "reason"]

    @admin.display(description=_("held because"), ordering="held_because")
    def reason(self, obj):
        return spam.reason_in_language(obj.held_because)

    @admin.display(description=_("status"), ordering="status")
    def status_and_reason(self, obj):
        """The status, and under it why a comment waiting or in spam was held."""
        if not obj.held_because or obj.status not in (CommentStatus.PENDING, CommentStatus.SPAM):
            return obj.get_status_display()
        return with_detail(obj.get_status_display(), self.reason(obj))

    @admin.display(description=_("reply"))
    def reply_link(self, obj):
        """Replying happens on the post's page, as a reader sees it, the form filled with her name and approved."""
        if obj.status != CommentStatus.APPROVED or not obj.post.comments_open:
            return _("An approved comment, on a post open to comments, can be answered on the post's page.")
        address = reply_address(obj.post.get_absolute_url(), obj.pk)
        return format_html('<a href="{}">{}</a>', address, _("Reply on the post's page"))

    @admin.display(description=_("comment"), ordering="created_at")
    def comment_and_date(self, obj):
        """The start of the comment, and under it when it was written."""
        return with_detail(excerpt(obj.body, 120), moment(obj.created_at))

    def save_model(self, request, obj, form, change):
        """Approving from the change form e-mails the subscribers, as the list action does."""
        super().save_model(request, obj, form, change)
        if obj.status == CommentStatus.APPROVED and form.initial.get("status") != obj.status:
            services.announce_approval(obj)

    @admin.action(description=_("Approve the selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        count = services.approve(queryset)
        self.message_user(
            request, ngettext("%d comment approved.", "%d comments approved.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        count = services.mark_spam(queryset)
        self.message_user(request, ngettext("%d comment marked as spam.", "%d comments marked as spam.", count) % count)

    @admin.action(
        description=_("Remove the selected comments (hidden from readers, kept here)"), permissions=["change"]
    )
    def remove(self, request, queryset):
        count = services.remove(queryset)
        self.message_user(request, ngettext("%d comment removed.", "%d comments removed.", count) % count)


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "post", "scope", "language", "created_at", "confirmed_at"]
    list_filter = ["scope", "language", ("confirmed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["post"]
    search_fields = ["email", "post__title"]
    raw_id_fields = ["post", "comment"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient", "language", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["recipient"]
    actions = ["send_again"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the selected unsent e-mails again"), permissions=["view"])
    def send_again(self, request, queryset):
        count = services.send_again(queryset)
        self.message_user(request, ngettext("%d e-mail queued again.", "%d e-mails queued again.", count) % count)

    def changelist_view(self, request, extra_context=None):
        failed = Notification.objects.filter(status=NotificationStatus.FAILED).count()
        if failed:
            self.message_user(
                request,
                ngettext("%d e-mail could not be sent.", "%d e-mails could not be sent.", failed) % failed,
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)
