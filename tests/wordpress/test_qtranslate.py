"""qTranslate posts become one post per language, linked as translations; comments stay on the first."""

import pytest

from blog.models import Post
from comments.models import Comment

from .test_languages import ENGLISH, FRENCH
from .test_reading import export

pytestmark = pytest.mark.django_db

COMMENT = """<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Zoé</wp:comment_author>
<wp:comment_date_gmt>2014-01-02 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Merci !]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
</wp:comment>"""


def qtranslate_export(tmp_path, body, title="<!--:fr-->Sous le ciel<!--:--><!--:en-->Under heaven<!--:-->"):
    path = export(tmp_path, title=f"<![CDATA[{title}]]>", item=COMMENT)
    path.write_text(path.read_text().replace("Le texte de l’article, à propos d’économie.", body))
    return path


def test_qtranslate_post_becomes_two_linked_posts(run_import, tmp_path, client):
    """Each language is a post of its own with its title; the English one translates the French one."""
    output = run_import(qtranslate_export(tmp_path, f"<!--:fr-->{FRENCH}<!--:--><!--:en-->{ENGLISH}<!--:-->"))
    french, english = Post.objects.get(language="fr"), Post.objects.get(language="en")
    assert (french.title, english.title) == ("Sous le ciel", "Under heaven")
    assert "promenée" in french.body and "walked" not in french.body
    assert "walked" in english.body and "promenée" not in english.body
    assert english.translation_of == french and french.wordpress_id == 7 and english.wordpress_id is None
    assert Comment.objects.get().post == french
    assert "2 × language from qTranslate (one post per language)" in output
    page = client.get(english.get_absolute_url()).content.decode()
    assert "Under heaven" in page and "Sous le ciel" not in page.split("<main")[1].split("</h1>")[0]
    again = run_import(qtranslate_export(tmp_path, f"<!--:fr-->{FRENCH}<!--:--><!--:en-->{ENGLISH}<!--:-->"))
    assert Post.objects.count() == 2 and "posts: 2 unchanged" in again


def test_new_style_marks_and_text_shared_by_both_languages(run_import, tmp_path):
    """[:fr]…[:en]…[:] marks; text outside the marks belongs to both posts."""
    run_import(
        qtranslate_export(tmp_path, f"<p>Photo.</p>[:fr]{FRENCH}[:en]{ENGLISH}[:]", title="[:fr]Ciel[:en]Sky[:]")
    )
    assert Post.objects.get(language="fr").title == "Ciel"
    assert all("Photo." in post.body for post in Post.objects.all())


def test_a_version_that_copies_the_other_language_is_not_a_post(run_import, tmp_path):
    """qTranslate's "not translated" fallback (the English text under the French mark) is reported, not doubled."""
    body = f"<!--:en-->{ENGLISH}<!--:--><!--:fr--><em>Cet article n'a pas été traduit</em> {ENGLISH}<!--:-->"
    output = run_import(qtranslate_export(tmp_path, body))
    assert list(Post.objects.values_list("language", flat=True)) == ["en"]
    assert "qTranslate versions that only copy another language" in output
    assert "(fr) — https://old.example.org/2014/01/01/economie/" in output
