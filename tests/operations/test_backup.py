import io
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from blog.models import Post
from pagecache import version
from tests.columns.factories import RepublicationFactory
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db(transaction=True)

MEDIA = {
    "2026/12/été-à-genève.jpg": bytes(range(256)) * 40,
    "2026/12/renditions/été-à-genève-800.webp": b"RIFF" + b"\x00\x01" * 3000,
    "documents/programme.pdf": b"%PDF-1.4\n" + "Programme d’été\n".encode() * 50,
}


@pytest.fixture(autouse=True)
def _roles():
    """Transactional tests flush the groups the data migration made: put them back."""
    from django.apps import apps

    from accounts.roles import PERMISSIONS, assign

    assign(apps, PERMISSIONS)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for name, content in MEDIA.items():
        default_storage.save(name, ContentFile(content))


def every_table():
    """Every row of every table, in a stable order."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


def every_media_file():
    return {name: default_storage.open(name).read() for name in MEDIA}


def test_backup_then_restore_brings_back_every_row_and_every_media_file(media, tmp_path):
    """After a backup, posts deleted and pictures overwritten come back, table for table, byte for byte."""
    PostFactory(title="L’été à Genève", tags=["été", "genève"], summary={"en": "Summer in Geneva"})
    RepublicationFactory(post=PostFactory(title="Chronique"))
    before_tables, before_media = every_table(), every_media_file()

    out = io.StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    [folder] = (tmp_path / "backups").iterdir()
    assert "3 media files" in out.getvalue()

    Post.objects.all().delete()
    PostFactory(title="Écrit après la sauvegarde")
    default_storage.delete("documents/programme.pdf")
    default_storage.delete("2026/12/été-à-genève.jpg")
    default_storage.save("2026/12/été-à-genève.jpg", ContentFile(b"something else"))
    assert every_table() != before_tables

    call_command("restore", str(folder), yes=True, stdout=io.StringIO())

    # All but the page cache's change counter, which goes on past the replaced database's (test below).
    after_tables = every_table()
    assert after_tables.pop("pagecache_generation") != before_tables.pop("pagecache_generation")
    assert after_tables == before_tables
    assert every_media_file() == before_media
    assert Post.objects.get(title="L’été à Genève").tags.count() == 2


def test_check_backup_finds_a_damaged_file(media, tmp_path):
    """A media file changed after the backup is named by check_backup, and restore refuses the folder."""
    PostFactory()
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    [folder] = [path for path in tmp_path.iterdir() if path.name.startswith("carnet-")]
    out = io.StringIO()
    call_command("check_backup", str(folder), stdout=out)
    assert "is sound" in out.getvalue()

    damaged = folder / "media" / "documents" / "programme.pdf"
    damaged.write_bytes(damaged.read_bytes()[:-1] + b"!")
    with pytest.raises(CommandError, match="media/documents/programme.pdf does not match its checksum"):
        call_command("check_backup", str(folder))
    with pytest.raises(CommandError, match="does not match"):
        call_command("restore", str(folder), yes=True)
    assert Post.objects.count() == 1


def test_natural_key_dump_loads_back(tmp_path):
    """`dumpdata --natural-foreign --natural-primary` writes a file `loaddata` reads back, tags included."""
    PostFactory(slug="ete", tags=["été", "genève"])
    dump = tmp_path / "dump.json"
    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=["contenttypes", "auth.permission"],
        output=str(dump),
        stdout=io.StringIO(),
    )
    call_command("flush", interactive=False)
    assert not Post.objects.exists()
    call_command("loaddata", str(dump), stdout=io.StringIO())
    assert sorted(Post.objects.get(slug="ete").tags.names()) == ["genève", "été"]


def test_a_restore_never_lets_the_page_cache_serve_pages_of_the_replaced_database(client, settings, tmp_path):
    """The page cache follows a change counter kept in the database; a restore takes it back to an
    older value, which later writes reach again: pages cached meanwhile must not come back."""
    settings.PAGE_CACHE_SECONDS = 600
    kept = PostFactory(title="Avant la sauvegarde")
    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    PostFactory(title="Écrit après la sauvegarde", published_at=kept.published_at)
    assert "Écrit après la sauvegarde" in client.get("/").content.decode()

    call_command("restore", str(folder), yes=True, stdout=io.StringIO())
    PostFactory(title="Écrit après la restauration", published_at=kept.published_at)

    home = client.get("/").content.decode()
    assert "Écrit après la restauration" in home
    assert "Écrit après la sauvegarde" not in home


def test_after_a_restore_no_reader_is_told_her_copy_of_a_replaced_page_is_current(client, settings, tmp_path):
    """A feed reader that fetched the home page between the backup and the restore holds a Last-Modified later
    than the backup: the restored page, older content, must still be sent to her, not a 304."""
    settings.PAGE_CACHE_SECONDS = 600
    kept = PostFactory(title="Avant la sauvegarde")
    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    time.sleep(1.1)
    PostFactory(title="Écrit après la sauvegarde", published_at=kept.published_at)
    time.sleep(1.1)
    before = client.get("/")
    assert "Écrit après la sauvegarde" in before.content.decode()
    number_before = version.number()

    call_command("restore", str(folder), yes=True, stdout=io.StringIO())
    time.sleep(1.1)

    again = client.get("/", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert again.status_code == 200
    assert "Écrit après la sauvegarde" not in again.content.decode()
    assert version.number() > number_before
