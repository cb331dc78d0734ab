"""A French reader, on a phone in the light and on a wide screen in the dark: she searches with accents, narrows
by a tag from the search form's list, reads the tags in dictionary order, and comments, mistyping her e-mail first.

Each step's page is saved under screenshots/ (see the README) for a person to look at.
"""

from pathlib import Path

import pytest
from django.conf import settings

from comments.models import Comment
from tests.factories import PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
NAME = "Zoé L’Hôte"
BODY = "C’est « très » juste : l’été, j’écris anticonstitutionnellement moins.\n\nMerci !"
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture(autouse=True)
def _quick_reader(settings):
    settings.COMMENTS_MIN_SECONDS = 0  # the anti-spam timestamp refuses forms sent faster


@pytest.mark.parametrize(("width", "scheme"), [(390, "light"), (1280, "dark")])
def test_french_reader_searches_by_tag_then_comments(live_server, browser, width, scheme):
    post = PostFactory(
        title="L’écriture d’été",
        body="Un billet sur l’écriture, les vacances et l’été.",
        tags=["été", "blog", "écriture"],
    )
    PostFactory(title="Écrire encore", body="L’écriture, encore et toujours.", tags=["blog"])
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="fr-CH")
    page = context.new_page()
    SCREENSHOTS.mkdir(exist_ok=True)

    def shot(step):
        assert page.evaluate(FITS), f"{step}: the page scrolls sideways at {width} px"
        page.screenshot(path=SCREENSHOTS / f"french-reader-{step}-{width}-{scheme}.png", full_page=True)

    page.goto(f"{live_server.url}/search/")
    page.fill("#id_q", "écriture")
    options = page.eval_on_selector_all("select[name=tag] option", "options => options.map(o => o.textContent)")
    assert options == ["Toutes les étiquettes", "blog", "écriture", "été"]
    page.select_option("select[name=tag]", label="été")
    page.click("form.search-form button[type=submit]")
    assert page.inner_text("p.count") == "1 article trouvé."
    assert page.input_value("#id_q") == "écriture"
    assert page.eval_on_selector("select[name=tag]", "select => select.selectedOptions[0].textContent") == "été"
    shot("search")

    page.click(f"text={post.title}")
    assert page.eval_on_selector_all("article.post footer a[rel=tag]", "links => links.map(a => a.textContent)") == [
        "blog",
        "écriture",
        "été",
    ]
    email_help = page.eval_on_selector("#id_author_email", "input => input.getAttribute('aria-describedby')")
    assert page.inner_text(f"#{email_help}") == "Jamais affiché publiquement."

    page.fill("#id_author_name", NAME)
    page.fill("#id_author_email", "zoé@")
    page.fill("#id_body", BODY)
    page.click("text=Envoyer le commentaire")
    assert "Saisissez une adresse e-mail valide, comme nom@exemple.org." in page.inner_text("#respond")
    assert page.input_value("#id_author_name") == NAME
    assert page.input_value("#id_author_email") == "zoé@"
    assert page.input_value("#id_body") == BODY
    shot("comment-refused")

    page.fill("#id_author_email", "zoe@example.org")
    page.click("text=Envoyer le commentaire")
    held = page.locator(".comment.awaiting")  # hers, shown to her alone until it is approved
    assert "Votre commentaire attend la modération" in held.locator(".comment-notice").inner_text()
    assert held.locator(".comment-author").inner_text() == NAME
    shot("comment-held")
    context.close()

    comment = Comment.objects.get()
    assert (comment.author_name, comment.author_email) == (NAME, "zoe@example.org")
    assert comment.body.replace("\r\n", "\n") == BODY  # browsers send a textarea's line ends as CRLF
