import base64
import io
import os
import re

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from blog.models import Post
from tests.factories import AuthorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("CARNET_SCREENSHOTS")  # a folder to keep screenshots in, to look at them


def photo_bytes():
    """A 2400 x 1600 'photo': sky, sun and hills, enough to see which way up it is."""
    image = Image.linear_gradient("L").resize((2400, 1600)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((1700, 150, 2100, 550), fill=(250, 200, 60))
    draw.polygon([(0, 1600), (0, 1100), (800, 800), (1600, 1150), (2400, 900), (2400, 1600)], fill=(60, 120, 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


PASTE = """([data, name]) => {
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type: "image/jpeg"}));
    const body = document.querySelector("#id_body");
    body.focus();
    body.setSelectionRange(body.value.length, body.value.length);
    body.dispatchEvent(new ClipboardEvent("paste", {clipboardData: transfer, bubbles: true, cancelable: true}));
}"""


def test_author_pastes_a_picture_describes_it_and_readers_see_a_responsive_figure(live_server, page, log_in, open_page):
    """Paste a photo into the body, give it alt text and credit, publish: the post shows a <figure> with srcset."""
    AuthorFactory(username="claire", display_name="Claire Martin")
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/?language=fr")
    page.fill("#id_title", "La fête")
    page.select_option("#id_language", "fr")
    page.fill("#id_body", "Internet, c’est aussi la fête.\n\n")
    inputs = []
    page.on("console", lambda message: inputs.append(message.text) if message.text == "input" else None)
    page.evaluate("""() => document.querySelector("#id_body").addEventListener("input", () => console.log("input"))""")
    page.evaluate(PASTE, [base64.b64encode(photo_bytes()).decode(), "image.jpg"])

    panel = page.locator(".media-upload")
    panel.locator(".media-alt").wait_for()
    body = page.input_value("#id_body")
    assert re.search(r"\n\n!\[\]\(/media/\d{4}/\d\d/image\.jpg\)\n?", body), body
    assert body.startswith("Internet, c’est aussi la fête.\n\n![]")
    assert "no alt text yet" in panel.inner_text()  # made obvious until it is described
    assert inputs, "the preview listens for input events on the body"
    page.locator("#desk-preview figure picture img[srcset]").wait_for()  # the live preview shows the figure
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "editor-uploaded.png"), full_page=True)

    page.fill(".media-upload .media-alt", "Des collines sous un soleil d’été")
    page.fill(".media-upload .media-caption", "La fête : internet, c’est ça aussi.")
    page.fill(".media-upload .media-credit", "Crédit photo : Slice of Chic (CC)")
    page.click(".media-upload .media-save")
    page.locator(".media-save-result", has_text="Description saved.").wait_for()
    assert "no alt text yet" not in panel.inner_text() or not page.locator(".media-alt-warning").is_visible()
    body = page.input_value("#id_body")
    assert re.search(
        r'!\[Des collines sous un soleil d’été\]\(/media/[^ ]+ "La fête : internet, c’est ça aussi\."\)', body
    )

    page.locator("#desk-preview figcaption", has_text="Crédit photo : Slice of Chic (CC)").wait_for()
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "editor-described.png"), full_page=True)
    page.select_option("#id_status", "published")
    page.fill("#id_published_at_0", "2026-06-21")
    page.fill("#id_published_at_1", "20:00:00")
    page.click("input[name=_save]")
    assert "was added successfully" in page.locator(".messagelist").inner_text()

    for width, height in [(1280, 900), (390, 844)]:
        reader = open_page("fr-FR")
        reader.set_viewport_size({"width": width, "height": height})
        reader.goto(f"{live_server.url}{Post.objects.get().get_absolute_url()}")
        figure = reader.locator("article.post figure")
        img = figure.locator("img")
        assert "480w" in img.get_attribute("srcset") and "1600w" in img.get_attribute("srcset")
        assert img.get_attribute("alt") == "Des collines sous un soleil d’été"
        # French typography on the page: a narrow no-break space before the colons.
        assert figure.locator("figcaption").inner_text().splitlines() == [
            "La fête\u202f: internet, c’est ça aussi.",
            "Crédit photo\u202f: Slice of Chic (CC)",
        ]
        img.scroll_into_view_if_needed()
        reader.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
        chosen = img.evaluate("img => img.currentSrc")
        assert re.search(r"\.(480|960|1600)\.(avif|webp)$", chosen), chosen  # a rendition, in a modern format
        box = img.bounding_box()
        assert box["width"] <= width and box["height"] == pytest.approx(box["width"] * 1600 / 2400, abs=2)
        if SHOTS:
            reader.screenshot(path=os.path.join(SHOTS, f"figure-{width}.png"), full_page=True)


def test_on_a_phone_the_author_chooses_a_photo_with_the_button_under_the_body(live_server, open_page, log_in):
    """Nothing can be dropped or pasted into a phone's text field: the button under the body opens the phone's photos
    (pictures and PDF files only), and the photo chosen goes where the cursor was, then asks for its alt text."""
    AuthorFactory(username="claire")
    page = open_page(locale="fr-FR")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/?language=fr")
    page.fill("#id_body", "Avant.\n\nAprès.")
    page.evaluate("() => document.querySelector('#id_body').setSelectionRange(7, 7)")  # after « Avant. »
    button = page.get_by_role("button", name="Ajouter une image ou un PDF…")
    assert button.bounding_box()["height"] >= 44
    with page.expect_file_chooser() as chosen:
        button.click()
    assert chosen.value.is_multiple()
    assert "image/jpeg" in chosen.value.element.get_attribute("accept").split(",")
    chosen.value.set_files({"name": "jardin d’été.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()})
    page.locator(".media-upload .media-alt").wait_for()
    body = page.input_value("#id_body")
    assert re.fullmatch(r"Avant\.\n\n!\[\]\(/media/\d{4}/\d\d/jardin-dete\.jpg\)\n\nAprès\.", body), body
    assert "jardin d’été.jpg a été ajouté à la médiathèque" in page.inner_text(".media-upload")
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "choose-390.png"), full_page=True)


def test_a_picture_chosen_without_its_description_is_asked_for_it_before_it_leaves(live_server, open_page, log_in):
    """The add form of the Media list: the browser asks for the alt text, in French, keeping the chosen file (a
    form sent back by the server could not keep it); described, the picture is stored."""
    AuthorFactory(username="claire")
    page = open_page(locale="fr-FR")
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/media/mediaitem/add/")
    page.set_input_files("#id_upload", {"name": "lac.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()})
    page.click("input[name=_save]")
    assert page.url.endswith("/admin/media/mediaitem/add/")
    assert page.evaluate("document.querySelector('#id_upload').files.length") == 1
    message = page.evaluate("document.querySelector('#id_alt_text').validationMessage")
    assert message.startswith("Décrivez ce que montre l’image")
    page.fill("#id_alt_text", "Le lac au couchant")
    page.click("input[name=_save]")
    page.locator(".messagelist").wait_for()
    assert "lac.jpg" in page.inner_text("#result_list")


def test_what_the_author_typed_about_a_picture_is_saved_with_the_post(live_server, open_page, log_in):
    """She saves a draft while its picture is still uploading: the draft waits for it. She publishes another post
    after typing its picture's alt text, without the panel's own button: the post waits for the description."""
    AuthorFactory(username="claire")
    page = open_page(locale="fr-FR")
    log_in(page, "claire")

    def write(title, status):
        page.goto(f"{live_server.url}/admin/blog/post/add/")
        page.fill("#id_title", title)
        page.select_option("#id_language", "fr")
        page.select_option("#id_status", status)
        page.fill("#id_body", "Qu’il est beau, ce lac !\n\n")
        page.evaluate(PASTE, [base64.b64encode(photo_bytes()).decode(), "lac.jpg"])

    held = []
    page.route("**/admin/media/mediaitem/upload/", lambda route: held.append(route))  # until the test lets it go
    write("Le lac", "draft")
    page.wait_for_function("() => document.querySelector('.media-upload-pending')")
    page.click("input[name=_continue]")
    expect(page.locator(".media-upload-held[role=status]")).to_have_text(
        "Le billet sera enregistré dès que ses images et leurs descriptions le seront."
    )
    assert page.url.endswith("/admin/blog/post/add/") and not Post.objects.exists()
    held[0].continue_()
    page.locator(".messagelist").wait_for()
    assert re.search(r"!\[\]\(/media/\d{4}/\d\d/lac[^)]*\.jpg\)", Post.objects.get(title="Le lac").body)
    page.unroute("**/admin/media/mediaitem/upload/")

    write("La rive", "published")
    page.locator(".media-upload .media-alt").wait_for()
    page.fill(".media-upload .media-alt", "Le lac au couchant, l’été")
    page.click("input[name=_continue]")
    page.locator(".messagelist").wait_for()
    published = Post.objects.get(title="La rive")
    assert re.search(r"!\[Le lac au couchant, l’été\]\(/media/\d{4}/\d\d/lac[^)]*\.jpg\)", published.body)
    assert published.status == "published"


def test_a_picture_failing_to_upload_while_the_post_waits_for_it_keeps_the_post_unsaved(live_server, open_page, log_in):
    """The upload the post waited for fails: the post is not sent without its picture, and the page says so, in
    her language, whether a proxy answered in English or her phone lost its connection."""
    AuthorFactory(username="claire")
    page = open_page(locale="fr-FR")
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.fill("#id_title", "Le lac")
    page.fill("#id_body", "Qu’il est beau, ce lac !\n\n")
    held = []
    page.route("**/admin/media/mediaitem/upload/", lambda route: held.append(route))
    page.evaluate(PASTE, [base64.b64encode(photo_bytes()).decode(), "lac.jpg"])
    page.wait_for_function("() => document.querySelector('.media-upload-pending')")
    page.click("input[name=_continue]")
    status = page.locator(".media-upload-held[role=status]")
    expect(status).to_have_text("Le billet sera enregistré dès que ses images et leurs descriptions le seront.")
    held[0].fulfill(status=503, body="<h1>503 Service Unavailable</h1>", content_type="text/html")  # a proxy's page
    expect(status).to_have_text("Le billet n’a pas été enregistré\u202f: le message ci-dessus dit pourquoi.")
    failed = page.locator(".media-upload-failed")
    expect(failed).to_have_text("Le serveur n’a pas pu le recevoir (erreur 503). Réessayez dans un moment.")
    assert page.url.endswith("/admin/blog/post/add/") and not Post.objects.exists()
    assert page.input_value("#id_title") == "Le lac"

    page.unroute("**/admin/media/mediaitem/upload/")
    page.route("**/admin/media/mediaitem/upload/", lambda route: route.abort("internetdisconnected"))
    page.evaluate(PASTE, [base64.b64encode(photo_bytes()).decode(), "lac.jpg"])
    expect(failed.nth(1)).to_have_text(
        "Rien n’a pu être envoyé\u202f: la connexion a été coupée. Réessayez quand elle sera revenue."
    )
