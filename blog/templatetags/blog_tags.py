import re
from html import escape

from django import template
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from blog import extensions, frame, markup, typesetting
from blog.addresses import address, addresser
from blog.models import published_tag_counts
from blog.text import dictionary_order

register = template.Library()

# Written in the summary's own language (the interface may be in the other one); French puts a
# narrow no-break space before the colon.
SUMMARY_LABELS = {"en": "In English:", "fr": "En fran\u00e7ais\u202f:"}


@register.filter
def markdown(text):
    """Render a summary (Markdown) into cleaned HTML."""
    return mark_safe(markup.markdown_to_html(text))  # noqa: S308 - cleaned by nh3


@register.simple_tag
def popular_tags(limit=20):
    """The sidebar of list pages: the most used tags and their counts (written here: through a template, its
    twenty links cost a millisecond of every list page)."""
    # Of tags used as often, in dictionary order (the database's puts "Zürich" before "art" and "été" after "zen").
    tags = sorted(
        published_tag_counts(popular_first=True, limit=limit),
        key=lambda tag: (-tag.num_posts, dictionary_order(tag.name)),
    )
    if not tags:
        return ""
    address = addresser()
    links = "".join(f"<li>{tag_link(tag, address)} ({grouped(tag.num_posts)})</li>" for tag in tags)
    return mark_safe(  # noqa: S308 - escaped
        f'\n<section class="popular-tags"><h2>{escape(gettext("Tags"))}</h2>\n<ul>{links}</ul>\n</section>\n'
    )


@register.simple_tag
def tag_index(tags):
    """Every tag with its count, /tags/ (written here: through a template, 2,000 tags took 60 ms)."""
    address = addresser()
    items = "".join(
        f'<li>{tag_link(tag, address)} <span class="count">({grouped(tag.num_posts)})</span></li>' for tag in tags
    )
    return mark_safe(f'<ul class="tag-index">{items}</ul>')  # noqa: S308 - escaped


@register.simple_tag(takes_context=True)
def site_header(context, search=True):
    return mark_safe(frame.header_html(context, search))  # noqa: S308 - escaped


# {% url %} for the addresses of reader pages: kept once reversed (blog.addresses), as {% url %} keeps none.
register.simple_tag(address, name="address")


def tag_link(tag, address, attributes=""):
    """A link to a tag's page, named by the tag; `address` from blog.addresses.addresser()."""
    return f'<a href="{escape(address("blog:tag-detail", tag.slug))}"{attributes}>{escape(tag.name)}</a>'


@register.simple_tag(takes_context=True)
def slot(context, name):
    """What other apps registered for the place `name` of a page (see blog.extensions), rendered here."""
    return extensions.render(name, context)


@register.filter
def grouped(number):
    """A count as the interface language writes it: "5 774" in French, "5,774" in English."""
    return formats.number_format(number, force_grouping=True)


@register.filter
def summary_label(language_code):
    """ "In English:" / "En français :", the label of a summary written for readers of that language."""
    return SUMMARY_LABELS.get(language_code, "")


@register.filter(expects_localtime=True)
def day_date(value, format_name="DATE_FORMAT"):
    """A date in the current language's format; French writes the first of the month "1er"."""
    if not value:
        return ""
    return first_of_month(formats.date_format(value, format_name))


def first_of_month(date_text):
    """French writes the first of the month "1er"."""
    if (get_language() or "")[:2] == "fr":
        return re.sub(r"^1(?!\d)", "1er", date_text)
    return date_text


@register.filter(is_safe=True)
def focusable_code(html):
    """Stored, cleaned post HTML with each <pre> reachable by keyboard, so a listing wider than the page scrolls."""
    return mark_safe(re.sub(r"<pre(?=[\s>])(?![^>]*tabindex)", '<pre tabindex="0"', html))  # noqa: S308 - cleaned on save


@register.filter
def typography(value, language_code):
    """`value` (text, escaped here, or safe HTML) as `language_code` prints it (blog.typesetting.typeset)."""
    return mark_safe(typesetting.typeset(conditional_escape(value), language_code))  # noqa: S308 - escaped first


@register.filter
def shown_html(html, language_code):
    """Stored, cleaned HTML (a body, an excerpt) as a page shows it: its code listings reachable by keyboard, printed
    as its language wants."""
    return typography(focusable_code(html), language_code)
