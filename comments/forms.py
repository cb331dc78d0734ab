import uuid

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from . import spam
from .form_renderer import CommentFormRenderer
from .models import Comment, SubscriptionScope
from .text import strip_control_characters


class WebsiteField(forms.URLField):
    # Replaces URLField's own validator (which also takes ftp) so a bad address gets one message.
    default_validators = [URLValidator(schemes=["http", "https"])]


# The fields a logged-in reader finds filled in with her own name, e-mail address and website.
READER_FIELDS = ("author_name", "author_email", "author_url")


class CommentForm(forms.Form):
    # autocomplete: a phone fills in name, e-mail and website from the reader's card (WCAG 1.3.5).
    author_name = forms.CharField(
        label=_("Name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    author_email = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Never shown publicly."),
        # Django's own message says "courriel" in French; the form says "e-mail" everywhere.
        error_messages={"invalid": _("Enter a valid e-mail address, such as name@example.org.")},
    )
    author_url = WebsiteField(
        label=_("Website"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    body = forms.CharField(label=_("Comment"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))
    notify = forms.BooleanField(label=_("Notify me by e-mail"), required=False)
    notify_scope = forms.ChoiceField(
        label=_("About"),
        choices=SubscriptionScope.choices,
        initial=SubscriptionScope.ALL,
        required=False,
        widget=forms.RadioSelect,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    submission = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # Rendered by the template: the timestamp always fresh, the honeypot always empty.
    timestamp = forms.CharField(required=False)
    leave_empty = forms.CharField(required=False)

    default_renderer = CommentFormRenderer()

    def __init__(self, *args, post, **kwargs):
        self.post = post
        super().__init__(*args, **kwargs)

    @classmethod
    def for_reader(cls, post, user, parent=None):
        """An empty form, with a logged-in reader's name, address and website filled in."""
        initial = {"parent": parent.pk if parent else None, "submission": uuid.uuid4()}
        if user.is_authenticated:
            initial.update(author_name=user.public_name, author_email=user.email, author_url=user.website)
        return cls(post=post, initial=initial)

    @property
    def is_blank(self):
        """Not sent, and nothing of a reader in it: the same visible fields for every reader not logged in."""
        return not self.is_bound and not any(self.initial.get(name) for name in READER_FIELDS)

    def clean_author_name(self):
        return " ".join(strip_control_characters(self.cleaned_data["author_name"]).split())

    def clean_body(self):
        return strip_control_characters(self.cleaned_data["body"])

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        if pk is None:
            return None
        parent = Comment.objects.approved().filter(post=self.post, pk=pk).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you are replying to is no longer shown. Your text is kept."))
        return parent

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("leave_empty"):
            raise forms.ValidationError(
                _("A field meant to stay empty (it catches robots) was filled in. Please send your comment again."),
                code="honeypot",
            )
        age = spam.form_age(cleaned.get("timestamp", ""))
        if age is None or age > settings.COMMENTS_MAX_FORM_AGE:
            raise forms.ValidationError(
                _("This form was open for too long and has expired. Please send your comment again."),
                code="expired",
            )
        if age < settings.COMMENTS_MIN_SECONDS:
            raise forms.ValidationError(
                _("That was very fast, faster than people usually type. Please check your comment and send it again."),
                code="too_fast",
            )
        return cleaned
