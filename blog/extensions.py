"""The places where other apps plug into blog, from their AppConfig.ready(): blog imports none of them.

- `add_template(slot, name)`: a template included at a named place of blog's pages
  (`{% slot "name" %}`): "nav" (header links), "post_head", "post_before_body", "post_after",
  "post_card_meta" (under a title in lists), "post_card_footer";
- `list_annotations`: functions (queryset → queryset) that `Post.objects.for_list()` applies;
- `canonical_urls`: functions (post → absolute URL or None), the first answer names the page
  search engines should index instead of the post's own;
- `canonical_elsewhere`: Q objects matching posts whose canonical page is elsewhere (not in the sitemap);
- `admin_inlines`: inlines added to the post form;
- `demo_seeders`: functions (author) that `seed_demo` calls after blog's own demo content;
- `markdown_extensions`: callables returning a Markdown extension, made once per thread (reset between documents)
  of a body or summary (media's figures);
- `html_processors`: functions (HTML → HTML) applied to a body written in HTML (imported
  posts) before it is cleaned (media's responsive pictures);
- `publish_checks`: functions (post → a sentence saying why it cannot be published yet, or "")
  that the admin's bulk "Publish" action asks, as the post form does (media's alt texts).
"""

from collections import defaultdict

_templates = defaultdict(list)
list_annotations = []
canonical_urls = []
canonical_elsewhere = []
admin_inlines = []
demo_seeders = []
markdown_extensions = []
html_processors = []
publish_checks = []


def add_template(slot, template_name):
    if template_name not in _templates[slot]:
        _templates[slot].append(template_name)


def templates(slot):
    return list(_templates[slot])


def register(registry, item):
    """Append `item` once: ready() may run more than once in tests."""
    if item not in registry:
        registry.append(item)
