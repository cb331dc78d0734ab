"""A post with no plugin sign gets the language its words are written in."""

import pytest

from blog.models import Post

from .test_reading import export

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Yesterday I walked along the lake with my daughter, and we talked about the books she is reading "
    "this summer, the friends she misses and the city we will move to next year."
)
FRENCH = (
    "Hier, je me suis promenée au bord du lac avec ma fille ; nous avons parlé des livres qu’elle lit "
    "cet été, des amies qui lui manquent et de la ville où nous habiterons l’an prochain."
)


def two_posts(tmp_path, first, second, language="<language>fr-FR</language>"):
    path = export(tmp_path, channel=language, title="Une promenade")
    text = path.read_text()
    body = "Le texte de l’article, à propos d’économie."
    item = text[text.index("<item>") : text.index("</item>") + len("</item>")]
    other = item.replace("<wp:post_id>7</wp:post_id>", "<wp:post_id>8</wp:post_id>").replace("economie<", "autre<")
    text = text.replace(item, item.replace(body, first) + other.replace(body, second))
    path.write_text(text)
    return path


def test_language_is_told_by_the_words_of_the_post(run_import, tmp_path):
    """In a French export, an English post without any plugin sign is English; a French one French."""
    output = run_import(two_posts(tmp_path, ENGLISH, FRENCH))
    assert Post.objects.get(wordpress_id=7).language == "en"
    assert Post.objects.get(wordpress_id=8).language == "fr"
    assert "2 × language told by the words of the post" in output


def test_a_text_too_short_gets_the_exports_language(run_import, tmp_path):
    """ "Vu." says nothing: the export's <language>en-US</language> decides, and the report says so."""
    output = run_import(two_posts(tmp_path, "Vu.", FRENCH, language="<language>en-US</language>"))
    assert Post.objects.get(wordpress_id=7).language == "en"
    assert Post.objects.get(wordpress_id=8).language == "fr"
    assert "1 × language of the export (<language>): text too short or unclear" in output
    assert "1 × language told by the words of the post" in output
