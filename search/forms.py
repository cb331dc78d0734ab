import unicodedata
from html import escape

from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


class PlainSelect(forms.Select):
    """A select written in Python: Django's widget templates rendered each of the fifty tags through the
    template engine, a tenth of a search page's time, and format_html() still a twentieth. Plain choices only
    (no groups), kept as given: Django's select normalized them again on every search."""

    @forms.Select.choices.setter
    def choices(self, value):
        self._choices = list(value)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "\n".join(
            f'<option value="{escape(str(choice))}"{" selected" if str(choice) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for choice, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>\n{options}\n</select>')  # noqa: S308 - escaped


class PlainChoiceField(forms.ChoiceField):
    """A choice field of plain (value, label) pairs, with a PlainSelect: its choices kept as given. Django normalized
    the fifty tags twice on every search, for the field and again for its widget: four fifths of building the form
    (216 → 44 µs)."""

    widget = PlainSelect

    @forms.ChoiceField.choices.setter
    def choices(self, value):
        self._choices = self.widget.choices = list(value)


def tag_slug(value):
    """A tag's slug as asked for, written as slugs are stored: composed accents (`e` + accent from some systems),
    lower case (`?tag=Photographie`, as the tag is written)."""
    return unicodedata.normalize("NFC", value or "").lower()


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=settings.SEARCH_MAX_QUERY_LENGTH,
        error_messages={"max_length": _("That is a long search: keep it under %(limit_value)d characters.")},
    )
    language = PlainChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Both languages")), *settings.LANGUAGES],
    )
    tag = PlainChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("Any tag")), *((tag.slug, tag.name) for tag in tags)]
        self.tags = {tag.slug: tag for tag in tags}
        self.unknown_tag = ""
        if self.is_bound:
            self.data = self.without_unknown_filters(self.data)

    def without_unknown_filters(self, data):
        """A bookmarked search whose tag was renamed or merged, or an address typed by hand, still searches:
        an unknown tag or language is left out (and the page says which tag), rather than finding nothing."""
        data = data.copy()
        if data.get("tag"):
            data["tag"] = tag_slug(data["tag"])
        if data.get("tag") and data["tag"] not in self.tags:
            self.unknown_tag = data.pop("tag")[0]
        if data.get("language") and data["language"] not in dict(settings.LANGUAGES):
            data.pop("language")
        return data

    def clean_tag(self):
        return self.tags.get(self.cleaned_data["tag"])
