from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from blog.post_form import SUMMARY_FIELDS, TypedText, summary_field

from .models import Page


class PageAdminForm(forms.ModelForm):
    """The page's fields and its summaries in both languages, as the post form has them."""

    summary_fr = summary_field("fr")
    summary_en = summary_field("en")

    class Meta:
        model = Page
        fields = ["title", "slug", "language", "parent", "order", "in_navigation", "body", "status", "published_at"]
        field_classes = {"body": TypedText}
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "spellcheck": "true"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for translation in self.instance.translations.all():
                self.initial.setdefault(SUMMARY_FIELDS[translation.language_code], translation.summary)

    def _save_m2m(self):
        super()._save_m2m()
        for code, name in SUMMARY_FIELDS.items():
            if name in self.cleaned_data:
                self.instance.save_summary(code, self.cleaned_data[name])


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageAdminForm
    list_display = ["title", "address", "language", "status", "order", "in_navigation"]
    list_editable = ["order", "in_navigation"]
    list_filter = ["status", "language", "in_navigation"]
    search_fields = ["title", "body", "translations__summary"]
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["former_addresses"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language"]}),
        (_("Writing"), {"fields": ["body", *SUMMARY_FIELDS.values()]}),
        (_("Place"), {"fields": ["parent", "order", "in_navigation", "former_addresses"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
    ]

    class Media:
        # The slug from the title in plain ASCII, as blog.slugs makes it (after urlify.js, which it replaces).
        js = ["admin/js/urlify.js", "blog/admin/slug.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")

    @admin.display(description=_("address"), ordering="path")
    def address(self, obj):
        return format_html('<a href="{0}" lang="{1}">{0}</a>', obj.get_absolute_url(), obj.language)

    @admin.display(description=_("former addresses, which lead here"))
    def former_addresses(self, obj):
        paths = [f"/{old.path}/" for old in obj.old_paths.order_by("path")] if obj.pk else []
        return ", ".join(paths) or self.get_empty_value_display()
