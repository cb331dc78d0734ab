"""The places where other apps plug into blog, from their AppConfig.ready(): blog imports none of them.

- `add_template(slot, name)`: a template included at a named place of blog's pages
  (`{% slot "name" %}`), or a function (template context → HTML, every value escaped) where a
  template per post in a list cost too much: "nav" (header links), "post_head", "post_before_body", "post_after",
  "post_card_meta" (under a title in lists), "post_card_footer";
- `list_annotations`: functions (queryset → queryset) that `Post.objects.for_list()` applies;
- `canonical_urls`: functions (post → absolute URL or None), the first answer names the page
  search engines should index instead of the post's own;
- `canonical_elsewhere`: Q objects matching posts whose canonical page is elsewhere (not in the sitemap);
- `lent_summaries`: functions returning a filter (an `Exists` over `OuterRef("pk")` and `OuterRef("language")`)
  matching posts that another object lends a summary in a language other than their own (a column's
  description), which `Post.summaries()` shows;
- `admin_inlines`: inlines added to the post form;
- `demo_seeders`: functions (author) that `seed_demo` calls after blog's own demo content;
- `markdown_extensions`: callables returning a Markdown extension, made once per thread (reset between documents)
  of a body or summary (media's figures);
- `html_processors`: functions (HTML → HTML) applied to a body written in HTML (imported
  posts) before it is cleaned (media's responsive pictures);
- `publish_checks`: functions (post → a sentence saying why it cannot be published yet, or "")
  that the admin's bulk "Publish" action asks, as the post form does (media's alt texts);
- `bulk_writers`: context managers (called without arguments) that `bulk_writing()` enters
  around a write of many posts (the WordPress import): an app may hold back the work it does
  at each save and do it once for every post touched when the block ends (search's index).
"""

from collections import defaultdict
from contextlib import ExitStack, contextmanager

from django.utils.safestring import mark_safe

_templates = defaultdict(list)
list_annotations = []
canonical_urls = []
canonical_elsewhere = []
lent_summaries = []
admin_inlines = []
demo_seeders = []
markdown_extensions = []
html_processors = []
publish_checks = []
bulk_writers = []


def add_template(slot, template_name):
    if template_name not in _templates[slot]:
        _templates[slot].append(template_name)


def render(slot, context):
    """What the apps put at the place `slot`, rendered with the template context `context`."""
    engine = context.template.engine
    parts = (
        part(context) if callable(part) else engine.get_template(part).render(context) for part in _templates[slot]
    )
    return mark_safe("".join(parts))  # noqa: S308 - templates autoescaped, functions escape their values


def register(registry, item):
    """Append `item` once: ready() may run more than once in tests."""
    if item not in registry:
        registry.append(item)


@contextmanager
def bulk_writing():
    """Around a write of many posts: each app's `bulk_writers` does its per-save work once, at the end."""
    with ExitStack() as stack:
        for writer in bulk_writers:
            stack.enter_context(writer())
        yield
