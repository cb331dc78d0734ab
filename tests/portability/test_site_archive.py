"""export_site writes the whole site in open formats; import_site brings it back, page for page."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from accounts.roles import MEDIA_PERMISSIONS, PERMISSIONS, assign
from blog.models import Post
from comments.models import Comment
from media.models import MediaItem
from pages.models import Page
from portability import frontmatter

from .content import build_site
from .crawl import crawl

ROOT = Path(__file__).resolve().parents[2]


def empty_database():
    """What `migrate` leaves on a new database: no rows, but the roles its data migration makes.

    The page cache is emptied too: flush restarts its generation at 0, so a page cached before
    under a number the import happens to reach again would be served for the new database.
    """
    call_command("flush", interactive=False, verbosity=0)
    for cache in caches.all():
        cache.clear()
    assign(apps, PERMISSIONS)
    assign(apps, MEDIA_PERMISSIONS)


@pytest.fixture
def site(db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media-before")
    return build_site()


@pytest.mark.django_db(transaction=True)
def test_every_public_page_is_byte_identical_after_export_and_import(site, client, settings, tmp_path):
    """Carnet → export_site → empty database → import_site: every page, feed, file and redirect answers the same.

    The page cache is on, as in production: pages then hold nothing per visitor (the comment
    form's keys are fetched by a script), so two renderings of the same content are equal.
    """
    settings.PAGE_CACHE_SECONDS = 600
    if connection.vendor == "postgresql":
        # A post's tags are listed in the order PostgreSQL's plan gives them (taggit adds no ORDER BY),
        # and the plan follows the statistics: import_site ends with ANALYZE; so must the site before.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    before = crawl(client)
    archive = tmp_path / "site.zip"
    call_command("export_site", str(archive), stdout=io.StringIO())
    empty_database()
    settings.MEDIA_ROOT = str(tmp_path / "media-after")
    assert client.get(site.get_absolute_url()).status_code == 404
    out = io.StringIO()
    call_command("import_site", str(archive), stdout=out)
    assert "changepassword" in out.getvalue()
    after = crawl(client)

    assert len(before) > 40
    assert any(path.startswith("/media/") and path.endswith(".avif") for path in before)
    assert any("?page=2" in path for path in before)
    assert "/services/atelier-d-ete/" in before
    assert before["/wp-content/uploads/2010/05/chanson.mp3"][0] == 301
    assert before["/services/atelier/"][::2] == (301, "/services/atelier-d-ete/")
    assert "/media/wordpress/2010/05/chanson.mp3" in before
    assert sorted(after) == sorted(before)
    different = [path for path in before if before[path] != after[path] and not is_rendition(path)]
    assert different == []
    assert all(before[path][0] == after[path][0] == 200 for path in before if is_rendition(path))


def is_rendition(path):
    """Renditions are made again from the original: same names and sizes, the encoder's bytes may differ."""
    return path.startswith("/media/") and path.count(".") >= 2


@pytest.mark.django_db(transaction=True)
def test_restored_site_keeps_what_readers_do_not_see(site, settings, tmp_path):
    """Drafts, scheduled posts, held and spam comments, subscriptions, revisions and old addresses come back too."""
    archive = tmp_path / "site.zip"
    call_command("export_site", str(archive), stdout=io.StringIO())
    before = snapshot()
    empty_database()
    settings.MEDIA_ROOT = str(tmp_path / "media-after")
    call_command("import_site", str(archive), stdout=io.StringIO())
    assert snapshot() == before
    user = apps.get_model("accounts", "User").objects.get(username="claire")
    assert not user.has_usable_password()
    assert user.groups.filter(name="Authors").exists()
    item = MediaItem.objects.get()
    assert (Path(settings.MEDIA_ROOT) / item.file.name).read_bytes() == item_bytes(tmp_path, item)
    # New rows after the restore get new ids (PostgreSQL sequences follow the restored rows).
    Comment.objects.create(post=site, author_name="Nouveau", body="Après la restauration.")


def item_bytes(tmp_path, item):
    return (tmp_path / "media-before" / item.file.name).read_bytes()


def snapshot():
    from blog.models import OldSlug, Revision
    from columns.models import Republication
    from comments.models import Subscription
    from wordpress.models import Redirect, Upload

    return {
        "posts": list(
            Post.objects.order_by("pk").values_list(
                "pk", "slug", "title", "status", "published_at", "created_at", "updated_at", "translation_of"
            )
        ),
        "summaries": sorted(Post._parler_meta.root_model.objects.values_list("master", "language_code", "summary")),
        "tags": sorted(Post.tags.through.objects.values_list("content_object", "tag__name")),
        "comments": list(Comment.objects.order_by("pk").values_list("pk", "parent", "status", "body", "created_at")),
        "subscriptions": list(Subscription.objects.order_by("pk").values_list("email", "scope", "token", "comment")),
        "revisions": list(Revision.objects.values_list("pk", "post", "data")),
        "republications": list(Republication.objects.values_list("post", "original_url", "original_status")),
        "redirects": list(Redirect.objects.values_list("old_path", "post", "target")),
        "old_slugs": list(OldSlug.objects.values_list("slug", "post")),
        "uploads": list(Upload.objects.values_list("path", "key", "item", "file", "created_at")),
        "media": list(MediaItem.objects.values_list("file", "alt_text", "caption", "credit", "renditions")),
        "pages": list(Page.objects.order_by("pk").values_list("pk", "path", "parent", "status", "body", "updated_at")),
        "page summaries": sorted(
            Page._parler_meta.root_model.objects.values_list("master", "language_code", "summary")
        ),
        "page redirects": list(Redirect.objects.filter(page__isnull=False).values_list("old_path", "page")),
        "page old paths": sorted(Page.old_paths.rel.related_model.objects.values_list("path", "page")),
    }


def test_the_archive_is_readable_without_carnet(site, tmp_path):
    """Each post is a Markdown file with TOML front matter; the rest is JSON and the media files themselves."""
    archive = tmp_path / "site.zip"
    call_command("export_site", str(archive), stdout=io.StringIO())
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        meta, body = frontmatter.loads(opened.read("posts/fr/l-ete-de-l-oeuvre.md").decode())
        manifest = json.loads(opened.read("manifest.json"))
        comments = json.loads(opened.read("comments.json"))
        users = json.loads(opened.read("users.json"))
    assert meta["title"] == "L'été de l'œuvre : « à la française »"
    assert meta["summary"] == {
        "en": "Summer, *the work*, and what's left of it — with an apostrophe.",
        "fr": "L'été, l'œuvre, et ce qu'il en reste.",
    }
    assert meta["tags"] == ["été", "œuvres d'art", "internet"]
    assert "pages/fr/services/atelier-d-ete.md" in names
    assert body.startswith("Un billet d'été, avec des apostrophes")
    assert manifest["format"] == "carnet-archive" and manifest["version"] == 1
    assert any(name.startswith("media/") and name.endswith(".jpg") for name in names)
    assert not any(".480." in name for name in names)  # renditions are made again, not carried
    replies = [c for c in comments["comments"] if c["parent"]]
    assert len(replies) >= 3
    assert all("password" not in user for user in users["users"])


def test_import_refuses_a_database_that_is_not_empty(site, tmp_path):
    """Restoring over a site would mix two sites: refused, with the reason, nothing changed."""
    archive = tmp_path / "site.zip"
    call_command("export_site", str(archive), stdout=io.StringIO())
    count = Post.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_site", str(archive), stdout=io.StringIO())
    assert Post.objects.count() == count


def rewrite(archive, name, change):
    """Change one file of the archive and update the manifest's checksum, as a careless hand edit would."""
    import hashlib

    with zipfile.ZipFile(archive) as source:
        files = {info.filename: source.read(info) for info in source.infolist()}
    files[name] = change(files[name])
    manifest = json.loads(files["manifest.json"])
    manifest["files"][name] = hashlib.sha256(files[name]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(archive, "w") as target:
        for file_name, data in files.items():
            target.writestr(file_name, data)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_stores_nothing(site, settings, tmp_path):
    """A truncated file, a file changed after export, data that do not hold: a clear message, nothing stored."""
    archive = tmp_path / "site.zip"
    call_command("export_site", str(archive), stdout=io.StringIO())
    empty_database()
    settings.MEDIA_ROOT = str(tmp_path / "media-after")

    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[:-3000])
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_site", str(truncated), stdout=io.StringIO())

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"Zo\xc3\xa9", b"Zoe") if info.filename == "comments.json" else data)
    with pytest.raises(CommandError, match="comments.json is damaged"):
        call_command("import_site", str(tampered), stdout=io.StringIO())

    def orphan(data):
        comments = json.loads(data)
        comments["comments"][-1]["post"] = 999_999
        return json.dumps(comments).encode()

    edited = tmp_path / "edited.zip"
    edited.write_bytes(archive.read_bytes())
    rewrite(edited, "posts/fr/l-ete-de-l-oeuvre.md", lambda data: data.replace(b'\nslug = "l-ete-de-l-oeuvre"', b""))
    with pytest.raises(CommandError, match="lacks a required field: 'slug'"):
        call_command("import_site", str(edited), stdout=io.StringIO())

    rewrite(archive, "comments.json", orphan)
    with pytest.raises(CommandError, match="cannot be stored"):
        call_command("import_site", str(archive), stdout=io.StringIO())
    assert Post.objects.count() == 0
    assert apps.get_model("accounts", "User").objects.count() == 0
    assert not any(p.is_file() for p in (tmp_path / "media-after").rglob("*"))


def test_a_file_that_is_no_archive_gets_one_sentence_and_exit_1(tmp_path):
    """From the shell: exit status 1 and one sentence, no traceback."""
    bad = tmp_path / "notes.zip"
    bad.write_text("pas une archive")
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "import_site", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test", "LANG": "C.UTF-8"},
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "is not a Carnet archive" in result.stderr


def test_messages_follow_the_site_language(tmp_path):
    """A French site answers in French."""
    bad = tmp_path / "notes.zip"
    bad.write_text("pas une archive")
    with translation.override("fr"), pytest.raises(CommandError, match="n’est pas une archive Carnet"):
        call_command("import_site", str(bad), stdout=io.StringIO())
