"""The comment form written by comments.form_renderer is the markup Django's form templates write, byte for byte."""

import re
import time
from pathlib import Path

import pytest
from django.forms.renderers import DjangoTemplates
from django.template import Context, Engine
from django.utils import translation

from comments import spam
from comments.form_renderer import CommentFormRenderer
from comments.forms import CommentForm
from comments.section import comment_field
from tests.factories import UserFactory

from .conftest import comment_url, form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

TYPED = {
    "author_name": 'Zoé <b>"L\'Hôte"</b> & co',
    "author_email": "pas-une-adresse",
    "author_url": "javascript:alert(1)",
    "body": "C’est « très » bien\r\n\r\n<script>alert('x')</script> & suite\n",
    "notify": "on",
    "notify_scope": "replies",
    "submission": "not-a-uuid",
}


def states(post, parent):
    """(name, form arguments) of every state a reader can see the form in."""
    reader = UserFactory(
        first_name="Zoé", last_name="D'Arc <i>", email="zoe@example.org", website="https://zoé.example/?a=1&b=2"
    )
    yield "empty", {"initial": {"parent": None, "submission": "6f1c0e1e-3a5b-4b8e-9d7e-2c7a1f0f3a10"}}
    yield "reply", {"initial": {"parent": parent.pk, "submission": "6f1c0e1e-3a5b-4b8e-9d7e-2c7a1f0f3a10"}}
    yield "logged in", {"initial": CommentForm.for_reader(post, reader, parent=parent).initial}
    yield "kept after a refused token", {"initial": {**TYPED, "parent": str(parent.pk), "notify": "on"}}
    yield "nothing typed", {"data": {}}
    yield "everything wrong", {"data": {**TYPED, "parent": "999999"}}
    yield "too long", {"data": {"author_name": "é" * 101, "body": "x" * 10001, "author_url": "https://" + "a" * 500}}
    yield "unknown scope", {"data": {**form_data(), "notify_scope": "<bogus>", "parent": "abc"}}
    yield (
        "only too fast",
        {"data": form_data(timestamp=spam.sign_timestamp(time.time()), notify="", notify_scope="all")},
    )
    yield "valid", {"data": form_data(author_url="https://example.org/é?q=1&r=2", notify="on", parent=str(parent.pk))}
    yield "honeypot", {"data": form_data(leave_empty="spam")}


def written(form):
    """Every piece of the form the comment template shows."""
    form.is_bound and form.is_valid()
    pieces = [str(form.non_field_errors()), str(form["parent"].errors)]
    for field in form:
        pieces += [str(field.label_tag()), str(field.errors), str(field)]
    return "\n".join(pieces)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_state_of_the_form_is_written_as_django_writes_it(post, language):
    """Labels, fields, values typed (accents, quotes, markup), choices, and errors in the reader's language."""
    parent = CommentFactory(post=post)
    with translation.override(language):
        for name, arguments in states(post, parent):
            django = written(CommentForm(post=post, renderer=DjangoTemplates(), **arguments))
            ours = written(CommentForm(post=post, **arguments))
            assert ours == django, name
            assert isinstance(CommentForm(post=post, **arguments).renderer, CommentFormRenderer)


FORMER_FIELD = Path(__file__).with_name("former_templates") / "_comment_field.html"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_field_is_written_as_its_former_template_wrote_it(post, language):
    """comment_field() writes a field, its label, errors and help as comments/_comment_field.html did."""
    former = Engine.get_default().from_string(FORMER_FIELD.read_text())
    parent = CommentFactory(post=post)
    with translation.override(language):
        for name, arguments in states(post, parent):
            form = CommentForm(post=post, **arguments)
            form.is_bound and form.is_valid()
            for field in ("author_name", "author_email", "author_url", "body"):
                assert comment_field(form[field]) == former.render(Context({"field": form[field]})), (name, field)


VOLATILE = re.compile(r'(name="(?:csrfmiddlewaretoken|timestamp|submission)"[^>]*value=")[^"]*"')


@pytest.mark.parametrize("language", ["fr", "en"])
def test_post_page_is_the_same_as_with_djangos_templates(client, post, language, monkeypatch):
    """The post page, with the form empty, open to reply, and sent back with errors, is the same byte for byte."""
    parent = CommentFactory(post=post, author_name="Anne")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language

    def pages():
        return [
            client.get(post.get_absolute_url()),
            client.get(f"{post.get_absolute_url()}?replytocom={parent.pk}"),
            client.post(comment_url(post), {**TYPED, "parent": str(parent.pk)}),
            client.post(comment_url(post), {}),
        ]

    ours = pages()
    monkeypatch.setattr(CommentForm, "default_renderer", DjangoTemplates())
    django = pages()
    assert [response.status_code for response in ours] == [200, 200, 400, 400]
    for mine, theirs in zip(ours, django, strict=True):
        assert VOLATILE.sub(r'\1"', mine.content.decode()) == VOLATILE.sub(r'\1"', theirs.content.decode())
    assert "Zoé &lt;b&gt;&quot;L&#x27;Hôte&quot;&lt;/b&gt; &amp; co" in ours[2].content.decode()


def test_every_description_an_input_names_is_on_the_page(client, post):
    """A screen reader announces the help under a field: the id its aria-describedby names exists."""
    html = client.get(post.get_absolute_url()).content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    assert "id_author_email_helptext" in described
    for name in described:
        assert f'id="{name}"' in html, name


def test_a_phone_can_fill_in_the_reader_s_name_e_mail_and_website(client, post):
    """autocomplete tokens on the three fields a reader types on every post (WCAG 1.3.5)."""
    html = client.get(post.get_absolute_url()).content.decode()
    for name, token in (("author_name", "name"), ("author_email", "email"), ("author_url", "url")):
        field = re.search(rf'<input [^>]*name="{name}"[^>]*>', html).group()
        assert f'autocomplete="{token}"' in field, field


def test_french_labels_end_with_the_narrow_space_the_rest_of_the_page_uses(french_client, post):
    """Django's French puts a wide no-break space before a label's colon; Carnet's text has narrow ones."""
    html = french_client.get(post.get_absolute_url()).content.decode()
    assert "Nom\u202f:</label>" in html and "Nom\u00a0:" not in html
