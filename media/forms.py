import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import services, validation
from .models import MediaItem

logger = logging.getLogger(__name__)


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


ALT_TEXT_NEEDED = _("Describe what the picture shows: readers who cannot see it depend on it.")


class UploadForm(forms.ModelForm):
    """A new file with its description, checked and stored while the form is validated, so that the
    author sees on the form, with what she typed, why a file is refused or could not be stored.

    `uploaded_by` is set by the admin on the form class it makes for each request."""

    upload = forms.FileField(label=_("File"))
    uploaded_by = None

    class Meta:
        model = MediaItem
        fields = ["upload", "alt_text", "caption", "credit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.MEDIA_MAX_UPLOAD_SIZE)
        self.fields["upload"].help_text = UPLOAD_HELP % {"limit": limit}
        # Said by the browser (media/upload-form.js) when a picture is chosen and its description left empty.
        self.fields["alt_text"].widget.attrs["data-required-message"] = ALT_TEXT_NEEDED

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        self.inspection = validation.inspect(upload, upload.name)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        inspection = getattr(self, "inspection", None)
        if inspection and inspection.kind == "image" and not cleaned_data.get("alt_text", "").strip():
            self.add_error("alt_text", ALT_TEXT_NEEDED)
        if not self.errors:
            self.instance = self.store(cleaned_data)
        return cleaned_data

    def store(self, data):
        try:
            return services.create_from_file(
                data["upload"],
                data["upload"].name,
                alt=data["alt_text"].strip(),
                caption=data["caption"],
                credit=data["credit"],
                uploaded_by=self.uploaded_by,
            )
        except OSError as error:  # storage full or unreachable: create_from_file kept nothing
            logger.exception("Upload of %r could not be stored", data["upload"].name)
            raise ValidationError(services.STORAGE_FAILED) from error
