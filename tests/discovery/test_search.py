import datetime
import re

import pytest
from django import forms
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from taggit.models import Tag

from blog.models import Post, PostStatus
from blog.tag_merge import merge_tags
from search.forms import PlainSelect
from search.models import SearchDocument
from search.queries import search_posts
from search.text import terms
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the simpler search is SQLite's")


def titles(response):
    return [result["post"].title for result in response.context["results"]]


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def test_title_ranks_above_summary_and_tags_above_body(client):
    """A word in the title ranks first, in a summary or tag next, in the body last."""
    day = timezone.now() - datetime.timedelta(days=1)
    # The newest post has the word only in its body, so order by date alone would be wrong.
    PostFactory(title="Au fil des jours", body="Une lumière d'hiver.", published_at=day)
    PostFactory(title="Une balade", summary={"en": "Winter lumière."}, published_at=day - datetime.timedelta(days=1))
    PostFactory(title="Photographie", tags=["lumière"], published_at=day - datetime.timedelta(days=2))
    PostFactory(title="La lumière du matin", published_at=day - datetime.timedelta(days=3))
    ranked = titles(search(client, q="lumière"))
    assert ranked[0] == "La lumière du matin"
    assert set(ranked[1:3]) == {"Une balade", "Photographie"}
    assert ranked[3] == "Au fil des jours"


def test_search_ignores_case_and_accents(client):
    """ "GENEVE" finds "Genève" and "genève" finds "GENEVE"."""
    PostFactory(title="Un atelier à Genève")
    PostFactory(title="Retour", body="De retour de GENEVE.")
    assert sorted(titles(search(client, q="GENEVE"))) == ["Retour", "Un atelier à Genève"]
    assert sorted(titles(search(client, q="genève"))) == ["Retour", "Un atelier à Genève"]


def test_search_spells_ligatures_out_both_ways(client):
    """ "oeuvre" finds "œuvre" and "Cœur" finds "coeur", with the word marked in the excerpt."""
    PostFactory(title="L'œuvre d'une vie", body="Une œuvre.")
    PostFactory(title="Retour", body="Le coeur y est, ex aequo.")
    response = search(client, q="oeuvre")
    assert titles(response) == ["L'œuvre d'une vie"]
    assert "<mark>œuvre</mark>" in response.content.decode()
    assert titles(search(client, q="Cœur")) == ["Retour"]
    assert titles(search(client, q="æquo")) == ["Retour"]


def test_words_of_neighbouring_blocks_stay_apart_in_the_index_and_the_excerpt(client):
    """Captions of a gallery: "Golden Gate Bridge" then "Boardwalk", never "BridgeBoardwalk"."""
    captions = "".join(f"<figure><figcaption>{c}</figcaption></figure>" for c in ("Golden Gate Bridge", "Boardwalk"))
    gallery = f'<figure class="gallery">{captions}</figure>'
    PostFactory(title="Galerie", markup="html", body=f"{gallery}<p><em>Gen</em>ève</p>")
    response = search(client, q="boardwalk")
    assert titles(response) == ["Galerie"]
    assert "Golden Gate Bridge <mark>Boardwalk</mark> Genève" in response.content.decode()
    assert titles(search(client, q="bridge")) == ["Galerie"]


def test_search_finds_posts_in_both_languages(client):
    """A French word finds the French post, an English word the English one, through its summary too."""
    PostFactory(title="Internet, un espace de vie", body="Les relations humaines.")
    PostFactory(language="en", title="Why I still keep a blog", body="Writing for friends.", summary={"fr": "Amitiés"})
    assert titles(search(client, q="relations humaines")) == ["Internet, un espace de vie"]
    assert titles(search(client, q="friends")) == ["Why I still keep a blog"]
    assert titles(search(client, q="amitiés")) == ["Why I still keep a blog"]


def test_every_word_must_match(client):
    """Two words find the posts holding both, not either."""
    PostFactory(title="Le thé", body="Le thé vert du matin.")
    PostFactory(title="Le café", body="Le café noir du matin.")
    assert titles(search(client, q="matin thé")) == ["Le thé"]


def test_search_filters_by_language_and_tag(client):
    """The language and tag filters narrow the results."""
    PostFactory(title="Blog en français", tags=["écriture"])
    PostFactory(title="Blog again", language="en", tags=["writing"], body="A blog.")
    PostFactory(title="Blog encore", tags=["writing"])
    assert sorted(titles(search(client, q="blog", language="en"))) == ["Blog again"]
    assert sorted(titles(search(client, q="blog", tag="writing"))) == ["Blog again", "Blog encore"]
    assert titles(search(client, q="blog", tag="writing", language="fr")) == ["Blog encore"]


def test_a_search_narrowed_to_a_tag_follows_the_posts_tags(client):
    """A tag given to a post, taken from another, or merged into the tag finds the posts that carry it now."""
    given = PostFactory(title="Blog du lac")
    taken = PostFactory(title="Blog des bois", tags=["voyage"])
    PostFactory(title="Blog du col", tags=["périple"])
    given.tags.add("voyage")
    taken.tags.remove("voyage")
    assert titles(search(client, q="blog", tag="voyage")) == ["Blog du lac"]
    merge_tags(Tag.objects.get(name="voyage"), [Tag.objects.get(name="périple")])
    assert sorted(titles(search(client, q="blog", tag="voyage"))) == ["Blog du col", "Blog du lac"]


def test_a_deleted_tag_no_longer_finds_its_posts(client):
    """A tag deleted in the admin is no longer a word of its posts; a tag merged into another is that one."""
    PostFactory(title="Le lac", tags=["aquarelle", "voyage"])
    PostFactory(title="Le col", tags=["périple", "voyage"])
    assert titles(search(client, q="aquarelle")) == ["Le lac"]
    Tag.objects.get(name="aquarelle").delete()
    merge_tags(Tag.objects.get(name="voyage"), [Tag.objects.get(name="périple")])
    assert titles(search(client, q="aquarelle")) == []
    assert titles(search(client, q="périple")) == []
    assert sorted(titles(search(client, q="voyage"))) == ["Le col", "Le lac"]


def tag_options(response):
    """The tag filter's options as a reader sees them: (label, selected)."""
    html = response.content.decode()
    select = html[html.index('<select name="tag"') : html.index("</select>", html.index('<select name="tag"'))]
    return re.findall(r"<option value=\"[^\"]*\"( selected)?>([^<]*)</option>", select)


@override_settings(SEARCH_TAG_CHOICES=2)
def test_tag_filter_offers_the_most_used_tags_and_the_one_chosen(client):
    """The filter lists the most used tags in dictionary order; a rarer tag named in the address is listed too,
    selected, and filters the results."""
    for number in range(3):
        PostFactory(title=f"Blog {number}", tags=["écriture", "voyage"] if number else ["écriture"])
    PostFactory(title="Blog rare", tags=["aquarelle"])
    assert tag_options(search(client, q="blog")) == [(" selected", "Any tag"), ("", "écriture"), ("", "voyage")]

    response = search(client, q="blog", tag="aquarelle")
    assert tag_options(response) == [("", "Any tag"), (" selected", "aquarelle"), ("", "écriture")]
    assert titles(response) == ["Blog rare"]


def test_drafts_and_scheduled_posts_are_not_found(client):
    """Only published posts appear in the results."""
    PostFactory(title="Printemps publié")
    PostFactory(title="Printemps brouillon", status=PostStatus.DRAFT, published_at=None)
    PostFactory(title="Printemps à venir", published_at=timezone.now() + datetime.timedelta(days=1))
    assert titles(search(client, q="printemps")) == ["Printemps publié"]


def test_results_are_paginated_and_keep_the_filters(client, settings):
    """Past a page of results, the next page holds the rest, and its link keeps the query and filters."""
    for number in range(settings.SEARCH_PAGE_SIZE + 2):
        PostFactory(title=f"Chronique {number}")
    first = search(client, q="chronique", language="fr")
    assert len(first.context["results"]) == settings.SEARCH_PAGE_SIZE
    assert "12 posts found." in first.content.decode()
    assert 'href="?q=chronique&amp;language=fr&amp;page=2"' in first.content.decode()
    second = search(client, q="chronique", language="fr", page=2)
    assert len(second.context["results"]) == 2
    assert "12 posts found." in second.content.decode() and "Page 2 of 2" in second.content.decode()
    assert titles(first) + titles(second) == [Post.objects.get(pk=pk).title for pk in search_posts(["chronique"])]


@pytest.mark.parametrize(("asked", "shown"), [("99", 2), ("9" * 30, 2), ("0", 2), ("deux", 1), ("", 1)])
def test_a_page_number_past_the_results_or_not_a_number_shows_a_page_of_them(client, settings, asked, shown):
    """An old link to a page the results no longer reach shows their last page, as does a number too large for the
    database; a page number that is no number, the first."""
    for number in range(settings.SEARCH_PAGE_SIZE + 2):
        PostFactory(title=f"Chronique {number}")
    response = search(client, q="chronique", page=asked)
    assert response.context["page_obj"].number == shown
    assert len(response.context["results"]) == (2 if shown == 2 else settings.SEARCH_PAGE_SIZE)
    assert "12 posts found." in response.content.decode()


def test_an_excerpt_ends_a_heading_as_a_sentence(client):
    """A heading does not run into the paragraph after it in a result's excerpt."""
    PostFactory(title="Genève", body="Il fait chaud.\n\n## Le lac en été\n\nOn s’y baigne.")
    html = search(client, q="baigne").content.decode()
    assert "Il fait chaud. Le lac en été. On s’y <mark>baigne</mark>.</p>" in html


def test_excerpt_marks_the_words_and_escapes_the_text(client):
    """The excerpt shows the matching words in <mark>, and the post's text escaped."""
    PostFactory(title="Signes", body="Entre a & b, si a < b et la mer.\n\nPuis d'autres choses.")
    html = search(client, q="MER").content.decode()
    assert "Entre a &amp; b, si a &lt; b et la <mark>mer</mark>. Puis d’autres choses.</p>" in html


def test_words_spelling_an_entity_are_marked_in_the_text_only(client):
    """A search for "amp", "lt" or "x27" marks those words where the post has them, never the names of the entities
    the escaped text writes for its &, < and apostrophes."""
    PostFactory(title="Signes", body="Amp & lt < gt > x27 ' quot \" #amp R&D l'amp.")
    html = search(client, q="amp lt gt x27 quot").content.decode()
    assert (
        "<mark>Amp</mark> &amp; <mark>lt</mark> &lt; <mark>gt</mark> &gt; <mark>x27</mark> &#x27; "
        "<mark>quot</mark> &quot; #<mark>amp</mark> R&amp;D l’<mark>amp</mark>.</p>"
    ) in html


def test_french_titles_and_excerpts_are_spaced_the_french_way(client):
    """The excerpt is plain text again: its French typography is set anew, so « never ends a line alone."""
    PostFactory(title="L’été : enfin !", body="Il a dit, avec « l’été » : partir ?", language="fr")
    PostFactory(title="Summer: at last!", body="She said « summer » : go ?", language="en")
    html = search(client, q="été").content.decode()
    assert "L’<mark>été</mark>\u202f: enfin\u202f!</a></h2>" in html
    assert "Il a dit, avec «\u202fl’<mark>été</mark>\u202f»\u202f: partir\u202f?</p>" in html
    html = search(client, q="summer").content.decode()
    assert "She said « <mark>summer</mark> » : go ?</p>" in html


def test_french_elisions_are_not_searched_for(client):
    """ "l’été" looks for "été": the elided article neither narrows the search nor marks every word in l."""
    PostFactory(title="Souvenirs", body="La lumière de l'été sur le lac.")
    html = search(client, q="L’été").content.decode()
    assert "1 post found." in html
    assert "La lumière de l’<mark>été</mark> sur le lac." in html
    assert terms("qu’il jusqu'à d’Écriture") == ["il", "à", "Écriture"]


def test_excerpt_comes_from_the_summary_when_only_it_matches(client):
    """A post found through its summary shows that summary, in its language."""
    PostFactory(title="Un billet", body="Rien à voir.", summary={"en": "About the humanness of the internet."})
    html = search(client, q="humanness").content.decode()
    assert '<p class="excerpt" lang="en">About the <mark>humanness</mark> of the internet.</p>' in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "é" * 200 + " lumière",
        "?!;:.,…«»—()[]{}*&^%$#@",
        "'; DROP TABLE blog_post; --",
        "lumière' OR 1=1 --",
        "<script>alert('boo')</script>",
        "<b>bold</b> & <i>",
        "!!!&|:*()",
        "   ",
    ],
)
def test_absurd_queries_get_a_friendly_page(client, query):
    """Long, empty, punctuation-only, SQL or HTML queries get a page, never an error, and no markup from them."""
    PostFactory(title="Une lumière")
    response = search(client, q=query)
    html = response.content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert Post.objects.count() == 1
    assert (
        "Type a word or two" in html
        or "That is a long search" in html
        or "No post matches" in html
        or "post found" in html
    )


def test_null_character_in_a_query_gets_the_address_not_understood_page(client):
    """A NUL cannot be typed in the box; sent anyway, it gets the 400 page every address with one gets."""
    response = client.get("/search/", {"q": "lumière\x00"})
    assert response.status_code == 400
    assert "Address not understood" in response.content.decode()


def test_too_long_query_says_so_and_keeps_it(client, settings):
    """A query over the limit gets a message, and the box still holds what was typed."""
    query = "mot " * 100
    html = search(client, q=query).content.decode()
    assert f"keep it under {settings.SEARCH_MAX_QUERY_LENGTH} characters" in html
    assert f'value="{query}"' in html


def test_punctuation_only_asks_for_words(client):
    """A query without a single word asks for one."""
    assert "Type a word or two to search" in search(client, q="?!…").content.decode()


def test_search_page_in_french(french_client):
    """The page speaks the reader's language."""
    PostFactory(title="Une lumière")
    html = search(french_client, q="lumière").content.decode()
    assert "1 article trouvé." in html


def test_a_search_finding_nothing_says_so_once(french_client):
    PostFactory(title="Le voyage")
    html = french_client.get("/search/", {"q": "lumière"}).content.decode()
    assert '<p class="empty" role="status">Aucun article ne correspond à cette recherche.' in html
    assert "trouvé" not in html


def test_empty_search_shows_the_form_only(client):
    """/search/ with no query shows the form and no results."""
    response = search(client)
    assert response.context["form"].is_bound is False
    assert "results" not in response.context
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_search_query_count_does_not_grow_with_results(client, django_assert_num_queries):
    """The search page takes the same number of queries for 1 result as for a full page with tags."""
    PostFactory(title="Lumière 0", tags=["a"])
    with django_assert_num_queries(3):  # the tags offered, the page of results, the pages of the menu
        search(client, q="lumière", tag="a")
    for number in range(1, 15):
        PostFactory(title=f"Lumière {number}", tags=["a", f"t{number}"], summary={"en": "Light."})
    with django_assert_num_queries(3):
        response = search(client, q="lumière", tag="a")
    assert len(response.context["results"]) == 10


def test_index_follows_title_summary_and_tag_changes(client):
    """Editing a post, its summary or its tags changes what finds it, at once."""
    post = PostFactory(title="Avant")
    post.title = "Après"
    post.save()
    assert titles(search(client, q="après")) == ["Après"]
    assert titles(search(client, q="avant")) == []

    post.set_current_language("en")
    post.summary = "Serendipity"
    post.save_translations()
    assert titles(search(client, q="serendipity")) == ["Après"]

    post.tags.add("aquarelle")
    assert titles(search(client, q="aquarelle")) == ["Après"]
    post.tags.remove("aquarelle")
    assert titles(search(client, q="aquarelle")) == []


def test_renaming_a_tag_reindexes_its_posts(client):
    """A tag renamed in the admin finds its posts under the new name."""
    post = PostFactory(title="Un billet", tags=["aquarelle"])
    tag = post.tags.get()
    tag.name = "gouache"
    tag.save()
    assert titles(search(client, q="gouache")) == ["Un billet"]


def test_rebuild_search_index_command(client):
    """The command indexes every post again, for example after the index was lost."""
    PostFactory(title="Une lumière")
    PostFactory(title="Une autre lumière", language="en")
    SearchDocument.objects.all().delete()
    assert titles(search(client, q="lumière")) == []
    out = __import__("io").StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 2 posts." in out.getvalue()
    assert len(titles(search(client, q="lumière"))) == 2


@postgresql_only
def test_postgresql_stems_each_post_in_its_own_language(client):
    """French stemming finds "chronique" from "chroniques"; English stemming "running" from "runs"."""
    PostFactory(title="Une chronique", body="Rien.")
    PostFactory(language="en", title="Morning", body="She runs every day.")
    assert titles(search(client, q="chroniques")) == ["Une chronique"]
    assert titles(search(client, q="running")) == ["Morning"]


@postgresql_only
def test_postgresql_index_holds_weighted_vectors():
    """Each post's vector is stored, with the title in weight A and the body in C."""
    post = PostFactory(title="Lumière", body="Hiver.")
    vector = SearchDocument.objects.values_list("vector", flat=True).get(post=post)
    assert "'lumier':1A" in vector
    assert "'hiv':2C" in vector or "'hiver':2C" in vector


@sqlite_only
def test_sqlite_matches_words_by_their_start(client):
    """On SQLite a word finds the words it begins ("chroniq" → "chroniques"), not words it sits inside."""
    PostFactory(title="Mes chroniques")
    assert titles(search(client, q="chroniq")) == ["Mes chroniques"]
    assert titles(search(client, q="roniques")) == []


def test_search_ranks_only_the_newest_matches(client, french_client, settings):
    """A word in thousands of posts: only the SEARCH_RANKED_MATCHES newest matches are ranked and listed."""
    settings.SEARCH_RANKED_MATCHES = 2
    day = timezone.now() - datetime.timedelta(days=1)
    PostFactory(title="Brume", body="Le mot brume, une fois.", published_at=day)
    PostFactory(title="Brume et brume", body="Brume, brume.", published_at=day - datetime.timedelta(days=1))
    PostFactory(title="La brume ancienne", body="Brume brume brume.", published_at=day - datetime.timedelta(days=2))
    response = search(client, q="brume")
    assert titles(response) == ["Brume et brume", "Brume"]  # ranked between themselves; the oldest left out
    assert response.context["page_obj"].paginator.count == 2
    assert "2 posts or more found: the 2 most recent, best first." in response.content.decode()
    french = search(french_client, q="brume").content.decode()
    assert "2 articles trouvés ou plus\u202f: les 2 plus récents, les plus pertinents d’abord." in french


def test_a_search_with_a_tag_gone_since_still_searches_and_says_so(french_client):
    """A bookmarked search whose tag was renamed: the results of every tag, and a sentence saying why."""
    PostFactory(title="L'été au lac", tags=["lac"])
    response = french_client.get("/search/", {"q": "été", "tag": "<b>vieux</b>", "language": "xx"})
    html = response.content.decode()
    assert titles(response) == ["L'été au lac"]
    assert "Plus d’étiquette «\u202f&lt;b&gt;vieux&lt;/b&gt;\u202f» ici\u202f: la recherche porte sur toutes" in html


def test_a_tag_asked_with_capitals_or_decomposed_accents_still_filters(client):
    """`?tag=Médias-sociaux` (as the tag is written), or with `e` + accent as some systems send it: the same tag."""
    PostFactory(title="L'été des médias", tags=["médias sociaux"])
    PostFactory(title="L'été au lac", tags=["lac"])
    for asked in ["Médias-Sociaux", "me\u0301dias-sociaux"]:
        response = client.get("/search/", {"q": "été", "tag": asked})
        assert titles(response) == ["L'été des médias"], asked
        assert "No tag" not in response.content.decode()
        assert '<option value="médias-sociaux" selected>' in response.content.decode()


def test_a_search_empty_for_its_tag_says_so_and_offers_every_tag(french_client):
    PostFactory(title="Le voyage", tags=["lac"])
    PostFactory(title="Le lac", tags=["médias sociaux"])
    response = french_client.get("/search/", {"q": "voyage", "tag": "médias-sociaux"})
    html = response.content.decode()
    assert titles(response) == []
    assert "Aucun article avec l’étiquette «\u202fmédias sociaux\u202f» ne correspond à cette recherche." in html
    assert "trouvé" not in html  # no « 0 article trouvé. » above that sentence
    every_tag = re.search(r'<a href="\?([^"]+)">Chercher dans toutes les étiquettes</a>', html).group(1)
    assert titles(french_client.get(f"/search/?{every_tag.replace('&amp;', '&')}")) == ["Le voyage"]


@pytest.mark.parametrize("value", ["", "r-d", "absent"])
def test_the_filters_select_writes_what_djangos_select_writes(value):
    """The filters' select is written in Python; a tag's name is text, whatever it holds."""
    choices = [("", "Any tag"), ("r-d", "R&D <b>"), ("ete", 'L\'été "chaud"')]
    attrs = {"id": "id_tag"}
    ours = PlainSelect(choices=choices).render("tag", value, attrs)
    django = forms.Select(choices=choices).render("tag", value, attrs)
    assert re.sub(r">\s+<", "><", ours) == re.sub(r">\s+<", "><", django)
    assert "<b>" not in ours


def test_the_search_box_is_ready_for_typing_until_words_are_found(client):
    """The header's search link leads to a page where she types at once; results leave the keyboard closed."""
    PostFactory(title="Genève en été")
    for params in ({}, {"q": "  "}):
        assert re.search(r'<input type="search" name="q"[^>]* autofocus', search(client, **params).content.decode())
    assert " autofocus" not in search(client, q="genève").content.decode()
