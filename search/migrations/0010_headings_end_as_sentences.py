"""The texts a search shows excerpts of, written again where a heading ends: on one line it ran into the sentence
after it ("Le lac en été Un mot très long"); it now ends as a sentence (blog.markup.plain_text). What a search
finds is the same: punctuation is no word to the index. (It writes them as plain_text() does when it runs: the
texts as they are meant to be, whatever that function has become.)"""

from django.db import migrations
from django.db.models import Q

from blog.markup import markdown_to_html, plain_text


def rewrite(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument").objects.select_related("post")
    headings = (  # in the body's HTML; in a summary, in Markdown or in HTML
        Q(post__body_html__icontains="</h")
        | Q(post__translations__summary__contains="#")
        | Q(post__translations__summary__icontains="<h")
    )
    with_headings = documents.filter(headings).distinct().prefetch_related("post__translations")
    for document in with_headings.iterator(chunk_size=500):
        summaries = {t.language_code: t.summary for t in document.post.translations.all()}
        document.body = plain_text(document.post.body_html)
        document.summary_fr = plain_text(markdown_to_html(summaries.get("fr", "")))
        document.summary_en = plain_text(markdown_to_html(summaries.get("en", "")))
        document.save(update_fields=["body", "summary_fr", "summary_en"])


class Migration(migrations.Migration):
    dependencies = [("search", "0009_fts_tag_keys"), ("blog", "0018_post_count_by_year")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
