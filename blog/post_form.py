"""The post form of the admin: the post's fields and its summaries in both languages on one page."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .models import Language, Post
from .slugs import unique_slug

SUMMARY_FIELDS = {code: f"summary_{code}" for code, _name in Language.choices}
SUMMARY_LABELS = {"fr": _("Summary in French"), "en": _("Summary in English")}


class TypedText(forms.CharField):
    """Text typed in a browser, its line breaks kept as "\n". Browsers send "\r\n": a text saved untouched would
    differ from the one stored, and be recorded as an edit (a new revision, "Changed Body" in the history)."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


def summary_field(code):
    return TypedText(label=SUMMARY_LABELS[code], required=False, widget=forms.Textarea(attrs={"rows": 4}))


class PostAdminForm(forms.ModelForm):
    """Each summary is a field of its own, written to (or removed from) parler's rows when the post is saved."""

    summary_fr = summary_field("fr")
    summary_en = summary_field("en")

    class Meta:
        model = Post
        fields = [
            "title",
            "slug",
            "language",
            "body",
            "status",
            "published_at",
            "allow_comments",
            "author",
            "tags",
            "translation_of",
        ]
        field_classes = {"body": TypedText}
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "spellcheck": "true"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if published_at := self.fields.get("published_at"):
            # The admin's date and time boxes share one label: each gets a name screen readers can say.
            date, time = published_at.widget.widgets
            date.attrs["aria-label"] = _("Date of publication")
            time.attrs["aria-label"] = _("Time of publication")
        if self.instance.pk:
            for translation in self.instance.translations.all():
                self.initial.setdefault(SUMMARY_FIELDS[translation.language_code], translation.summary)

    def clean_slug(self):
        """A slug another post has: say which post, and offer a free one, rather than Django's generic message."""
        slug = self.cleaned_data["slug"]
        other = Post.objects.filter(slug=slug).exclude(pk=self.instance.pk).first() if slug else None
        if other:
            free = unique_slug(slug, self.instance.slug_is_taken)
            when = formats.date_format(other.published_at) if other.published_at else _("not published")
            raise forms.ValidationError(
                _("The post “%(title)s” (%(date)s) already has this address. Choose another one, such as “%(free)s”."),
                params={"title": other.title, "date": when, "free": free},
                code="unique",
            )
        return slug

    def clean_tags(self):
        """A tag longer than a tag's name can be (django-taggit's 100 characters): say which, keep what was typed."""
        names = self.cleaned_data["tags"]
        limit = Tag._meta.get_field("name").max_length
        too_long = [name for name in names if len(name) > limit]
        if too_long:
            raise forms.ValidationError(
                _("A tag has at most %(limit)d characters; this one has %(length)d: “%(start)s…”."),
                params={"limit": limit, "length": len(too_long[0]), "start": too_long[0][:30]},
                code="max_length",
            )
        return names

    def _save_m2m(self):
        # Summaries are rows of their own: like the tags, they are written once the post has its pk.
        super()._save_m2m()
        for code, name in SUMMARY_FIELDS.items():
            if name in self.cleaned_data:
                self.instance.save_summary(code, self.cleaned_data[name])
