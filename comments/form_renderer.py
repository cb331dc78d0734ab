"""The comment form's fields, labels and errors written in Python, as Django's own form templates write them.

Rendered through templates, the form cost a post page about 7 ms, more than the rest of a short
comment section: every field, label, option and attribute list is a template of its own. Django
still decides everything (attributes, `aria-*`, values, errors); only the writing of the markup of
the templates below is done here. tests/comments/test_form_renderer.py renders each state of the
form through both and compares them byte for byte.
"""

from html import escape

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import SafeData


class CommentFormRenderer(DjangoTemplates):
    """A form renderer writing the templates of `BUILDERS` in Python; any other goes through its template."""

    def render(self, template_name, context, request=None):
        build = BUILDERS.get(template_name)
        if build is None:
            return super().render(template_name, context, request)
        return build(context).strip()


def conditional_escape(value):
    """Django's conditional_escape(), without its check of every call for lazy strings (some 140 calls a form)."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def _text(value):
    """`{{ value|stringformat:'s' }}`: escaped unless it was safe."""
    if isinstance(value, tuple):
        value = str(value)
    text = "%s" % value  # noqa: UP031 - the stringformat filter's own conversion
    return text if isinstance(value, SafeData) else conditional_escape(text)


def _attrs(attrs):
    """django/forms/widgets/attrs.html and django/forms/attrs.html."""
    return "".join(
        f" {conditional_escape(name)}" if value is True else f' {conditional_escape(name)}="{_text(value)}"'
        for name, value in (attrs or {}).items()
        if value is not False
    )


def _input(widget):
    """django/forms/widgets/input.html, with its final newline."""
    value = f' value="{_text(widget["value"])}"' if widget["value"] is not None else ""
    type_, name = conditional_escape(widget["type"]), conditional_escape(widget["name"])
    return f'<input type="{type_}" name="{name}"{value}{_attrs(widget["attrs"])}>\n'


def _input_option(option):
    """django/forms/widgets/input_option.html (and radio_option.html, which includes it), with final newlines."""
    if not option["wrap_label"]:
        return _input(option) + "\n"
    id_ = option["attrs"].get("id")
    for_ = f' for="{conditional_escape(id_)}"' if id_ else ""
    return f"<label{for_}>{_input(option)} {conditional_escape(option['label'])}</label>\n\n"


OPTION_TEMPLATES = {
    "django/forms/widgets/radio_option.html",
    "django/forms/widgets/input_option.html",
}


def _multiple_input(context):
    """django/forms/widgets/multiple_input.html (radio.html includes it)."""
    widget = context["widget"]
    id_ = widget["attrs"].get("id")
    css_class = widget["attrs"].get("class")
    parts = [
        "<div",
        f' id="{conditional_escape(id_)}"' if id_ else "",
        f' class="{conditional_escape(css_class)}"' if css_class else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
        for option in options:
            if option["template_name"] not in OPTION_TEMPLATES:
                raise ValueError(f"No Python writing of {option['template_name']}")
            parts.append(f"<div>\n    {_input_option(option)}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def _textarea(context):
    """django/forms/widgets/textarea.html."""
    widget = context["widget"]
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>\n'


def _label(context):
    """django/forms/label.html."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>\n"


def _error_list(context):
    """django/forms/errors/list/default.html, which includes ul.html."""
    errors = context["errors"]
    if not errors:
        return ""
    field_id = f' id="{conditional_escape(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return f'<ul class="{conditional_escape(context["error_class"])}"{field_id}>{items}</ul>'


BUILDERS = {
    **{
        f"django/forms/widgets/{name}.html": lambda context: _input(context["widget"])
        for name in ("input", "text", "email", "url", "hidden", "checkbox")
    },
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/radio.html": _multiple_input,
    "django/forms/widgets/multiple_input.html": _multiple_input,
    "django/forms/label.html": _label,
    "django/forms/errors/list/default.html": _error_list,
    "django/forms/errors/list/ul.html": _error_list,
}
