"""Standing pages (the `pages` app) in the archive: `pages/<lang>/<path>.md`, written like posts.

Every field of the page is in the front matter under its column name (`parent_id`, `path`,
`order`, `in_navigation`…), so a field the app gains later travels without a change here.
"""

from django.apps import apps
from django.db import connection
from django.db.models.signals import post_save

from blog import markup

from . import frontmatter

DERIVED = {"body", "body_html"}  # the body follows the front matter; its HTML is rendered again


def page_model():
    return apps.get_model("pages", "Page") if apps.is_installed("pages") else None


def write_pages(archive):
    Page = page_model()
    if Page is None:
        return 0
    fields = [field.attname for field in Page._meta.concrete_fields if field.attname not in DERIVED]
    count = 0
    for page in Page.objects.prefetch_related("translations", "old_paths").order_by("pk"):
        meta = {name: getattr(page, name) for name in fields}
        meta["summary"] = {t.language_code: t.summary for t in sorted(page.translations.all(), key=lambda t: t.pk)}
        meta["old_paths"] = sorted(old.path for old in page.old_paths.all())
        extension = "html" if page.markup == "html" else "md"
        archive.text(f"pages/{page.language}/{page.path or page.pk}.{extension}", frontmatter.dumps(meta, page.body))
        count += 1
    return count


def restore_pages(reader, create_keeping_dates):
    """Store the archive's pages; returns the models written (for the sequences)."""
    Page = page_model()
    names = reader.names("pages/")
    if Page is None:
        return []
    Translation = Page._parler_meta.root_model
    OldPath = Page.old_paths.rel.related_model
    fields = {field.attname for field in Page._meta.concrete_fields} - DERIVED
    pages, translations, old_paths = [], [], []
    for name in names:
        meta, body = reader.front_matter(name)
        page = Page(body=body, **{key: value for key, value in meta.items() if key in fields})
        page.body_html = markup.render(page.body, page.markup)
        pages.append(page)
        translations += [
            Translation(master_id=page.pk, language_code=code, summary=text)
            for code, text in meta.get("summary", {}).items()
        ]
        old_paths += [OldPath(page_id=page.pk, path=path) for path in meta.get("old_paths", [])]
    pages.sort(key=lambda page: page.path.count("/"))  # parents first
    create_keeping_dates(Page, pages, ["created_at", "updated_at"])
    Translation.objects.bulk_create(translations)
    OldPath.objects.bulk_create(old_paths)
    for page in pages:
        post_save.send(Page, instance=page, created=True, update_fields=None, raw=False, using=connection.alias)
    return [Page, Translation, OldPath]
