import logging

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import services
from .forms import DescriptionForm, UploadForm
from .models import Kind, MediaItem

logger = logging.getLogger(__name__)


class UploaderFilter(admin.RelatedFieldListFilter):
    """Titled so that the admin's "By …" reads well: « Par auteur de l’envoi », not « Par envoyé par »."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("uploader")


class AltTextFilter(admin.SimpleListFilter):
    """The pictures still to describe: a post showing one cannot be published."""

    title = _("alt text")
    parameter_name = "alt_text"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing")), ("present", _("Present"))]

    def queryset(self, request, queryset):
        pictures = queryset.filter(kind=Kind.IMAGE)
        missing = Q(alt_text__regex=r"^\s*$")
        if self.value() == "missing":
            return pictures.filter(missing)
        if self.value() == "present":
            return pictures.exclude(missing)
        return queryset


@admin.register(MediaItem)
class MediaItemAdmin(admin.ModelAdmin):
    list_display = [
        "thumbnail",
        "__str__",
        "original_name",
        "kind",
        "has_alt_text",
        "use_count",
        "uploaded_by",
        "created_at",
    ]
    list_display_links = ["__str__"]
    list_filter = ["kind", AltTextFilter, ("uploaded_by", UploaderFilter)]
    search_fields = ["original_name", "alt_text", "caption", "credit"]
    date_hierarchy = "created_at"
    readonly_fields = ["preview", "details", "used_in"]
    delete_confirmation_template = "admin/media/mediaitem/delete_confirmation.html"
    list_per_page = 50

    class Media:
        css = {"all": ["media/editor-upload.css"]}
        js = ["media/upload-form.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .manageable_by(request.user)
            .select_related("uploaded_by")
            .annotate(num_uses=Count("usages"))
        )

    def get_list_filter(self, request):
        if request.user.has_perm("media.manage_all_media"):
            return self.list_filter
        return ["kind", AltTextFilter]  # an author only sees her own uploads

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            return super().get_form(request, obj, change=change, **kwargs)
        form = super().get_form(request, obj, change=change, form=UploadForm, **kwargs)
        form.uploaded_by = request.user  # a class modelform_factory made for this request
        return form

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["upload", "alt_text", "caption", "credit"]
        return ["preview", "alt_text", "caption", "credit", "details", "used_in"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_manage(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_manage(request, obj)

    def may_manage(self, request, obj):
        return obj is None or obj.uploaded_by_id == request.user.pk or request.user.has_perm("media.manage_all_media")

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        form.save_m2m = lambda: None
        return form.instance  # stored with its renditions when the form was validated

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and form.has_changed():
            services.refresh_posts(obj)

    def delete_model(self, request, obj):
        services.delete_files(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for item in queryset:
            services.delete_files(item)
        super().delete_queryset(request, queryset)

    def delete_view(self, request, object_id, extra_context=None):
        item = self.get_object(request, object_id)
        posts = list(item.posts.order_by("title")) if item else []
        return super().delete_view(request, object_id, {**(extra_context or {}), "used_in_posts": posts})

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="media_mediaitem_upload"),
            path("<int:pk>/describe/", self.admin_site.admin_view(self.describe_view), name="media_mediaitem_describe"),
            *super().get_urls(),
        ]

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        smallest = min(obj.renditions, key=lambda r: (r["width"], r["format"] != "webp"), default=None)
        if smallest:
            return format_html(
                '<img src="{}" width="80" height="{}" alt="" loading="lazy" class="media-thumbnail">',
                obj.rendition_url(smallest),
                max(1, round(80 * smallest["height"] / smallest["width"])),
            )
        return obj.get_kind_display()

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.is_image:
            return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.url, obj.original_name)
        largest = max(obj.renditions, key=lambda r: (r["width"], r["format"] == "webp"), default=None)
        url = obj.rendition_url(largest) if largest else obj.url
        return format_html('<img src="{}" alt="" class="media-preview">', url)

    @admin.display(description=_("file"))
    def details(self, obj):
        lines = [
            (_("original file name"), obj.original_name),
            (_("address"), obj.url),
            (_("size"), filesizeformat(obj.size)),
            (_("uploaded by"), obj.uploaded_by),
            (_("Markdown"), obj.markdown()),
        ]
        if obj.is_image:
            lines.insert(2, (_("dimensions"), f"{obj.width} × {obj.height}"))
            sizes = ", ".join(f"{r['width']} px {r['format']} ({filesizeformat(r['bytes'])})" for r in obj.renditions)
            lines.append((_("renditions"), sizes or _("none (animated picture, shown as uploaded)")))
        return format_html("<dl class='media-details'>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", lines))

    @admin.display(description=_("used in"))
    def used_in(self, obj):
        posts = obj.posts.order_by("title")
        if not posts:
            return _("No post shows it.")
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((reverse("admin:blog_post_change", args=[p.pk]), p.title) for p in posts)
        )

    @admin.display(boolean=True, description=_("alt text"))
    def has_alt_text(self, obj):
        return None if obj.kind == Kind.DOCUMENT else bool(obj.alt_text.strip())

    @admin.display(description=_("uses"), ordering="num_uses")
    def use_count(self, obj):
        return obj.num_uses

    def upload_view(self, request):
        """The body editor's upload: one file in `file`, JSON back with the Markdown to insert."""
        if request.method != "POST":
            return JsonResponse({"error": str(_("Send the file with POST."))}, status=405)
        if not self.has_add_permission(request):
            raise PermissionDenied
        upload = request.FILES.get("file")
        if upload is None:
            return JsonResponse({"error": str(_("No file was received."))}, status=400)
        try:
            item = services.create_from_file(upload, upload.name, uploaded_by=request.user)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        except OSError:  # storage full or unreachable: create_from_file kept nothing
            logger.exception("Upload of %r could not be stored", upload.name)
            return JsonResponse({"error": str(services.STORAGE_FAILED)}, status=503)
        return JsonResponse(self.describe(item), status=201)

    @staticmethod
    def describe(item):
        return {
            "id": item.pk,
            "name": item.original_name,
            "kind": item.kind,
            "url": item.url,
            "markdown": item.markdown(),
            "alt_text": item.alt_text,
            "caption": item.caption,
            "credit": item.credit,
            "needs_alt_text": item.needs_alt_text,
            "change_url": reverse("admin:media_mediaitem_change", args=[item.pk]),
            "describe_url": reverse("admin:media_mediaitem_describe", args=[item.pk]),
        }

    def describe_view(self, request, pk):
        """The body editor's panel saves alt text, caption and credit here."""
        item = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        if request.method != "POST":
            return JsonResponse({"error": str(_("Send the description with POST."))}, status=405)
        form = DescriptionForm(request.POST, instance=item)
        if not form.is_valid():
            return JsonResponse({"error": " ".join(m for errors in form.errors.values() for m in errors)}, status=400)
        form.save()
        services.refresh_posts(item)
        return JsonResponse(self.describe(item))
