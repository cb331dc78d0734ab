from django.contrib import admin

from .models import ImportedBlog, Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "target_url", "created_at"]
    search_fields = ["old_path", "target", "post__title", "tag__name"]
    autocomplete_fields = ["post", "tag", "page"]
    readonly_fields = ["created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("post", "tag", "page")

    @admin.display(description=Redirect._meta.get_field("target").verbose_name)
    def target_url(self, obj):
        return obj.get_target_url()


@admin.register(ImportedBlog)
class ImportedBlogAdmin(admin.ModelAdmin):
    """Read only: deleting the blog lets an import of the same blog at a new address go through."""

    list_display = ["url", "imported_at"]
    readonly_fields = ["address", "url", "imported_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
