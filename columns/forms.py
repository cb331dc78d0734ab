from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import Republication


class AbsoluteURLField(forms.URLField):
    """A URL typed in full: Django's URLField would quietly turn "example.org/x" into "http://example.org/x"."""

    default_error_messages = {
        "invalid": _("This is not a web address: check it for a space or a missing dot."),
        "no_scheme": _("Enter the full address, starting with https:// or http://."),
    }

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)  # never used: a missing scheme is refused

    def to_python(self, value):
        value = (value or "").strip()
        if value and not value.lower().startswith(("http://", "https://")):
            raise ValidationError(self.error_messages["no_scheme"], code="no_scheme")
        return super().to_python(value)


class RepublicationForm(forms.ModelForm):
    class Meta:
        model = Republication
        fields = ["post", "column", "original_url", "original_title", "originally_published_on", "archive_url"]
        field_classes = dict.fromkeys(["original_url", "moved_to_url", "archive_url"], AbsoluteURLField)

    def clean_original_url(self):
        url = self.cleaned_data["original_url"]
        other = Republication.objects.same_original(url).exclude(pk=self.instance.pk).select_related("post").first()
        if other:
            raise ValidationError(
                _("This original is already linked to the post “%(title)s”."),
                code="unique",
                params={"title": other.post.title},
            )
        return url

    def save(self, commit=True):
        if self.instance.pk and "original_url" in self.changed_data:
            self.instance.forget_checks()
        return super().save(commit)

    def clean_post(self):
        post = self.cleaned_data["post"]
        if post.pk is None:  # a new post, being added with its inline
            return post
        other = Republication.objects.filter(post=post).exclude(pk=self.instance.pk).first()
        if other:
            raise ValidationError(
                _("This post is already linked to an original (%(url)s)."), code="unique", params={"url": other}
            )
        return post

    def clean(self):
        cleaned_data = super().clean()
        post = cleaned_data.get("post")
        first_published = cleaned_data.get("originally_published_on")
        if not (post and first_published):
            return cleaned_data
        if post.published_at:
            latest = timezone.localdate(post.published_at)
            message = _("The original cannot be later than the blog post, published on %(date)s.")
        else:  # a draft: the original is out already, or its date is not known yet
            latest = timezone.localdate()
            message = _("The original cannot be later than today, %(date)s: give its date once it is out.")
        if first_published > latest:
            self.add_error(
                "originally_published_on",
                ValidationError(
                    message, code="after_post", params={"date": formats.date_format(latest, "DATE_FORMAT")}
                ),
            )
        return cleaned_data
