"""The post form's share of the media library: drop or paste files into the body, and alt text before publishing."""

import json

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blog.models import PostStatus

from . import validation
from .usage import pictures_missing_alt_text


class MediaBodyForm:
    """Mixed into the post admin's form by MediaConfig.ready()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        body = self.fields.get("body")
        if body is not None:
            body.widget.attrs.update(
                {
                    "data-media-upload": reverse("admin:media_mediaitem_upload"),
                    "data-media-messages": json.dumps(editor_messages()),
                    # By type: a phone then offers its photos and camera, an iPhone's as JPEG rather than HEIC.
                    "data-media-accept": ",".join(validation.CONTENT_TYPES.values()),
                }
            )

    def clean(self):
        cleaned_data = super().clean()
        published = cleaned_data.get("status") == PostStatus.PUBLISHED
        if published and (problem := missing_alt_text(cleaned_data.get("body", ""), links=True)):
            self.add_error("body", problem)
        return cleaned_data


def publish_check(post):
    return missing_alt_text(post.body)


def missing_alt_text(body, links=False):
    """Why a post with `body` cannot be published yet: the library pictures in it that have no alt text; with
    `links`, each name leads to the picture's page in the media library, where the alt text is written."""
    missing = pictures_missing_alt_text(body)
    if not missing:
        return ""
    sentence = ngettext(
        "Before publishing, give this picture an alt text (what it shows): %(names)s.",
        "Before publishing, give these pictures an alt text (what they show): %(names)s.",
        len(missing),
    )
    quoted = [(item, _("“%(name)s”") % {"name": item.original_name}) for item in missing]
    if not links:
        return sentence % {"names": ", ".join(name for _item, name in quoted)}
    names = format_html_join(
        ", ",
        '<a href="{}" target="_blank">{}</a>',
        ((reverse("admin:media_mediaitem_change", args=[item.pk]), name) for item, name in quoted),
    )
    return format_html(sentence.replace("%(names)s", "{}"), names)


def editor_messages():
    """The words of the upload panel, in the author's interface language."""
    return {
        "add": _("Add a picture or a PDF…"),
        "uploading": _("Uploading %(name)s…"),
        "failed": _("The upload failed: %(error)s"),
        "uploaded": _("%(name)s was added to the media library."),
        "alt": _("Alt text (required): what the picture shows"),
        "caption": _("Caption"),
        "credit": _("Credit"),
        "save": _("Save the description"),
        "saved": _("Description saved."),
        "missing_alt": _("This picture has no alt text yet: it cannot be published without one."),
        "open": _("Open in the media library"),
        "held": _("The post will be saved once its pictures and descriptions are."),
        "not_sent": _("The post was not saved: the message above says why."),
        "offline": _("Nothing could be sent: the connection was lost. Try again once it is back."),
        "not_taken": _("The server could not take it (error %(status)s). Try again in a moment."),
    }


class Media:
    js = [forms.Script("media/editor-upload.js", defer=True)]
    css = {"all": ["media/editor-upload.css"]}


def extend_post_admin(post_admin):
    """Give the post admin's form the upload script and the alt-text check, without blog knowing of media."""
    post_admin.form = type("MediaPostForm", (MediaBodyForm, post_admin.form), {"Media": Media, "__module__": __name__})
