"""The old blog's pictures and files move into Carnet: from a copy of its uploads folder or from the old site."""

import contextlib
import io
import re
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from blog.models import Post
from media.models import MediaItem
from wordpress.models import Upload

from .conftest import FIXTURES

EXPORT = FIXTURES / "uploads.xml"
OLD = "http://old.example.org/blog"
pytestmark = pytest.mark.django_db


def picture(path, size, fmt):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, fmt)


@pytest.fixture
def uploads(tmp_path):
    """A copy of the old blog's wp-content/uploads: an original and its resized copy, a PNG, a PDF, an MP3."""
    root = tmp_path / "uploads"
    picture(root / "2010/05/photo.jpg", (1200, 800), "JPEG")
    picture(root / "2010/05/photo-300x200.jpg", (300, 200), "JPEG")
    picture(root / "2011/01/featured.png", (640, 480), "PNG")
    picture(root / "2012/02/relative.png", (200, 100), "PNG")
    (root / "2010/05/programme.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    (root / "2010/05/chanson.mp3").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 200)
    return root


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def run(export, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(export), *args, stdout=out)
    return out.getvalue()


def page(client, wordpress_id):
    response = client.get(Post.objects.get(wordpress_id=wordpress_id).get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def article(html):
    return html[html.index("<article") : html.index("</article>")]


def item(name):
    return MediaItem.objects.get(original_name=name)


def test_pictures_links_and_players_point_at_carnets_copies(uploads, media_root, client):
    """src, srcset, the link to the full size, a PDF link and an [audio] player all lead to Carnet's files."""
    run(EXPORT, "--media-from", str(uploads))
    html = page(client, 1)
    photo, pdf = item("photo.jpg"), item("programme.pdf")
    assert f'<a href="{photo.url}" rel="noopener"><picture>' in html
    assert re.search(rf'<img alt="Un carré rouge" src="/media/{photo.file.name[:-4]}\.1200\.jpg" srcset="', html)
    assert f'<a href="{pdf.url}" rel="noopener">programme de la journée</a>' in html
    assert '<audio preload="none" src="/media/wordpress/2010/05/chanson.mp3"' in html
    assert "old.example.org/blog/wp-content/uploads/2010/05/photo" not in html
    assert (media_root / "wordpress/2010/05/chanson.mp3").read_bytes().startswith(b"ID3")
    # A file the folder lacks stays where it was; another site's picture is not the blog's.
    assert f'src="{OLD}/wp-content/uploads/2009/01/perdue.jpg"' in html
    assert 'src="http://ailleurs.example.com/wp-content/uploads/2010/05/photo.jpg"' in html


def test_resized_copies_lead_to_the_same_item_and_the_attachments_describe_it(uploads, media_root):
    """photo-300x200.jpg and photo-1024x683.jpg are the original's copies: one item, with the attachment's words."""
    run(EXPORT, "--media-from", str(uploads))
    assert MediaItem.objects.filter(original_name__startswith="photo").count() == 1
    photo = item("photo.jpg")
    assert (photo.alt_text, photo.caption) == ("Le lac au coucher du soleil", "Le lac, un soir d'été")
    assert (photo.width, photo.height) == (1200, 800)
    assert item("programme.pdf").caption == "Programme du 20 mai"  # the document's title, as its label
    assert photo.uploaded_by.username == "marie"
    assert Upload.objects.get(path="2010/05/photo.jpg").item == photo


def test_featured_image_is_shown_at_the_top_of_its_post(uploads, media_root, client):
    """_thumbnail_id: the featured picture opens the post, with the attachment's alt text; relative ones follow."""
    run(EXPORT, "--media-from", str(uploads))
    html = page(client, 2)
    featured, relative = item("featured.png"), item("relative.png")
    body = html[html.index("<figure>") :]
    assert body.index(featured.file.name[:-4]) < body.index("A post whose picture")
    assert 'alt="Une carte de la région"' in html
    assert f"/media/{relative.file.name[:-4]}.200.png" in html


def test_old_upload_addresses_answer_301_to_the_new_file(uploads, media_root, client):
    """The original, its resized copies, under any folder of the old host: a permanent redirect to Carnet's file."""
    run(EXPORT, "--media-from", str(uploads))
    photo = item("photo.jpg")
    for old in (
        "/blog/wp-content/uploads/2010/05/photo.jpg",
        "/wp-content/uploads/2010/05/photo-300x200.jpg",
        "/blog/wp-content/uploads/2010/05/photo-1024x683.jpg",
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, photo.url), old
    response = client.get("/blog/wp-content/uploads/2010/05/chanson.mp3")
    assert (response.status_code, response["Location"]) == (301, "/media/wordpress/2010/05/chanson.mp3")
    assert client.get("/blog/wp-content/uploads/2009/01/perdue.jpg").status_code == 404


def test_the_report_lists_missing_files_with_their_posts(uploads, media_root):
    """A file found neither in the folder is named, with the titles of the posts that show it."""
    output = run(EXPORT, "--media-from", str(uploads))
    assert "files (into the media library): 5 created, 1 skipped" in output
    assert "3 skipped: an attachment's page is not a post (its file: see “files” below)" in output
    assert "Files not found, still shown from the old site (with the posts using them) (1):" in output
    assert "    2009/01/perdue.jpg — Un billet avec une photo, Featured" in output
    assert "3 × pictures now shown from the media library" in output


def test_a_second_run_creates_no_item_and_changes_no_post(uploads, media_root, client):
    """Files are known by their old path: running again adds nothing, and posts keep Carnet's addresses."""
    run(EXPORT, "--media-from", str(uploads))
    first = article(page(client, 1))
    files = stored_files(media_root)
    output = run(EXPORT, "--media-from", str(uploads))
    assert "files (into the media library): 5 unchanged, 1 skipped" in output
    assert "posts: 2 unchanged" in output
    assert stored_files(media_root) == files
    assert MediaItem.objects.count() == 4
    # Without the option, the posts still show what the first run brought in.
    assert "posts: 2 unchanged" in run(EXPORT)
    assert article(page(client, 1)) == first


def test_without_an_option_nothing_is_brought_in_and_the_summary_counts_old_pictures(media_root):
    """As before: no file stored, and the summary says how many pictures still come from the old site."""
    output = run(EXPORT)
    assert "files (into the media library)" not in output
    assert "5 × pictures still on the old site, shown only while it stays online (bring them over with" in output
    assert not MediaItem.objects.exists() and not Upload.objects.exists()


def test_a_refused_import_stores_no_file(uploads, media_root, tmp_path):
    """An export that is not well-formed is refused before any file is stored."""
    broken = tmp_path / "broken.xml"
    broken.write_text(EXPORT.read_text().replace("</channel>", "<item><title>cut"))
    with pytest.raises(CommandError, match="not well-formed"):
        run(broken, "--media-from", str(uploads))
    assert stored_files(media_root) == []
    assert not MediaItem.objects.exists() and not Upload.objects.exists() and not Post.objects.exists()


def test_a_missing_folder_is_refused_with_a_clear_message(media_root, tmp_path):
    with pytest.raises(CommandError, match="is not a folder. Nothing was imported."):
        run(EXPORT, "--media-from", str(tmp_path / "nowhere"))
    assert not Post.objects.exists()


def test_a_dry_run_stores_no_file(uploads, media_root):
    output = run(EXPORT, "--media-from", str(uploads), "--dry-run")
    assert "files (into the media library): 5 created, 1 skipped" in output
    assert stored_files(media_root) == []
    assert not MediaItem.objects.exists() and not Upload.objects.exists()


class OldSite(SimpleHTTPRequestHandler):
    """The old blog's web server: slow once for the photo, unavailable twice for the featured picture."""

    requests = []
    failures = {}
    delays = {}

    def __init__(self, *args, directory=None, **kwargs):
        super().__init__(*args, directory=self.root, **kwargs)

    def do_GET(self):  # noqa: N802
        self.requests.append((self.path, self.headers.get("User-Agent")))
        if self.failures.get(self.path, 0) > 0:
            self.failures[self.path] -= 1
            self.send_error(503)
            return
        if self.delays.pop(self.path, 0):
            time.sleep(2)
        self.path = self.path.replace("/blog/wp-content/uploads/", "/", 1)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(uploads):
    """An HTTP server on 127.0.0.1 serving the uploads folder under /blog/wp-content/uploads/."""
    handler = type("Handler", (OldSite,), {"root": str(uploads), "requests": [], "failures": {}, "delays": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_port}/blog"
    server.shutdown()
    server.server_close()


def test_fetch_media_downloads_with_retries_then_a_second_run_fetches_only_what_is_missing(
    old_site, media_root, tmp_path, client
):
    """Timeouts and 503s are retried; what still fails is fetched by the next run, and nothing else is asked again."""
    handler, base = old_site
    export = tmp_path / "export.xml"
    export.write_text(EXPORT.read_text().replace(OLD, base).replace(OLD.replace("//", "//www."), base))
    handler.delays["/blog/wp-content/uploads/2010/05/photo.jpg"] = 1
    handler.failures["/blog/wp-content/uploads/2011/01/featured.png"] = 2
    options = ["--fetch-media", "--media-timeout", "1", "--media-retries", "1", "--media-concurrency", "2"]

    output = run(export, *options)
    asked = [path for path, _agent in handler.requests]
    assert asked.count("/blog/wp-content/uploads/2010/05/photo.jpg") == 2  # timed out, then fetched
    assert asked.count("/blog/wp-content/uploads/2011/01/featured.png") == 2  # 503 twice: given up
    assert all(agent.startswith("Carnet") for _path, agent in handler.requests)
    assert "files (into the media library): 4 created, 2 skipped" in output
    assert "Files the old site did not give (why) (2):" in output
    assert "2009/01/perdue.jpg" in output and "HTTP 404" in output and "HTTP 503" in output
    photo = item("photo.jpg")
    assert f'<a href="{photo.url}" rel="noopener"><picture>' in page(client, 1)
    assert not MediaItem.objects.filter(original_name="featured.png").exists()

    handler.requests.clear()
    output = run(export, *options)
    asked = {path for path, _agent in handler.requests}
    assert asked == {
        "/blog/wp-content/uploads/2011/01/featured.png",
        "/blog/wp-content/uploads/2009/01/perdue.jpg",
        "/blog/wp-content/uploads/2009/01/perdue-150x150.jpg",
    }
    assert "files (into the media library): 1 created, 4 unchanged, 1 skipped" in output
    assert "posts: 1 updated, 1 unchanged" in output
    assert item("featured.png").file.name[:-4] in page(client, 2)
    assert MediaItem.objects.count() == 4


@pytest.fixture
def task_table(settings, transactional_db):
    """Tasks stored in the database and run by `db_worker`, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_renditions_are_made_by_the_worker_after_the_import(uploads, media_root, task_table, client):
    """The import stores the pictures as they are; the worker makes their renditions and the posts show them."""
    run(EXPORT, "--media-from", str(uploads))
    photo = item("photo.jpg")
    assert photo.renditions == []
    assert f'<img alt="Un carré rouge" src="{photo.url}" width="1200" height="800"' in page(client, 1)
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    photo.refresh_from_db()
    assert {r["width"] for r in photo.renditions} == {480, 960, 1200}
    html = page(client, 1)
    assert f'src="/media/{photo.file.name[:-4]}.1200.jpg"' in html and "photo.480.webp 480w" in html
    # A second run finds nothing left to make.
    run(EXPORT, "--media-from", str(uploads))
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 3  # photo, featured, relative: once each; the PDF needs none


def test_the_report_speaks_french_on_a_french_site(uploads, media_root, settings):
    """LANGUAGE_CODE fr: the files' lines of the summary are in French."""
    settings.LANGUAGE_CODE = "fr"
    output = run(EXPORT, "--media-from", str(uploads))
    assert "fichiers (vers la médiathèque): 5 créé, 1 ignorés" in output
    assert "Fichiers introuvables, toujours montrés depuis l’ancien site (avec les billets qui les utilisent)" in output
    assert "3 × images désormais montrées depuis la médiathèque" in output


def test_a_dry_run_fetches_nothing(old_site, media_root, tmp_path):
    handler, base = old_site
    export = tmp_path / "export.xml"
    export.write_text(EXPORT.read_text().replace(OLD, base))
    output = run(export, "--fetch-media", "--dry-run")
    assert handler.requests == []
    assert "6 skipped: not fetched in a dry run" in output
    assert stored_files(media_root) == []
