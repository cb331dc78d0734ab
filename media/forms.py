from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import services, validation
from .models import MediaItem


class DescriptionForm(forms.ModelForm):
    class Meta:
        model = MediaItem
        fields = ["alt_text", "caption", "credit"]

    def clean_alt_text(self):
        alt_text = self.cleaned_data["alt_text"].strip()
        if not alt_text and self.instance.is_image:
            raise ValidationError(_("Describe what the picture shows: readers who cannot see it depend on it."))
        return alt_text


UPLOAD_HELP = _(
    "Pictures (JPEG, PNG, WebP, AVIF, GIF) or PDF documents, up to %(limit)s. Alt text is required for pictures."
)


class UploadForm(forms.ModelForm):
    """A new file with its description; checked here so that the author sees why a file is refused."""

    upload = forms.FileField(label=_("file"))

    class Meta:
        model = MediaItem
        fields = ["upload", "alt_text", "caption", "credit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.MEDIA_MAX_UPLOAD_SIZE)
        self.fields["upload"].help_text = UPLOAD_HELP % {"limit": limit}

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        self.inspection = validation.inspect(upload, upload.name)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        inspection = getattr(self, "inspection", None)
        if inspection and inspection.kind == "image" and not cleaned_data.get("alt_text", "").strip():
            self.add_error("alt_text", _("Describe what the picture shows: readers who cannot see it depend on it."))
        return cleaned_data

    def create(self, user):
        data = self.cleaned_data
        return services.create_from_file(
            data["upload"],
            data["upload"].name,
            alt=data["alt_text"].strip(),
            caption=data["caption"],
            credit=data["credit"],
            uploaded_by=user,
        )
