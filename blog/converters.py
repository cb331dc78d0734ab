"""Path converters for the date and the slug in a post's permalink."""

import unicodedata

from django.urls import register_converter


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


class FourDigits(TwoDigits):
    regex = "[0-9]{4}"

    def to_url(self, value):
        return f"{int(value):04d}"


class ComposedSlug:
    """Any slug, Unicode ones included, composed (NFC) as slugs are stored: a browser may send `é` as `e` + accent."""

    regex = "[^/]+"

    def to_python(self, value):
        return unicodedata.normalize("NFC", value)

    def to_url(self, value):
        return value


# Registered once, on import: any app's URLs may then use <yyyy:year>/<dd:month>/<dd:day>.
register_converter(TwoDigits, "dd")
register_converter(FourDigits, "yyyy")
register_converter(ComposedSlug, "nfcslug")
