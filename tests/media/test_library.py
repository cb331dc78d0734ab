import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from PIL import Image, ImageCms, PngImagePlugin, features

from media.models import MediaItem
from media.services import create_from_file
from tests.media.conftest import camera_exif, picture

pytestmark = pytest.mark.django_db


def stored_files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_photo_is_kept_untouched_with_renditions_at_three_widths(media_root, author):
    """The original is stored byte for byte; renditions at 480, 960, 1600 px in WebP, AVIF and JPEG."""
    original = picture(size=(4000, 3000))
    item = create_from_file(io.BytesIO(original), "La fête.jpg", alt="Une fête", uploaded_by=author)
    assert (media_root / item.file.name).read_bytes() == original
    assert (item.kind, item.content_type, item.width, item.height) == ("image", "image/jpeg", 4000, 3000)
    formats = ["avif", "webp", "jpg"] if features.check("avif") else ["webp", "jpg"]
    assert [(r["format"], r["width"], r["height"]) for r in item.renditions] == [
        (fmt, w, h) for fmt in formats for w, h in [(480, 360), (960, 720), (1600, 1200)]
    ]
    for rendition in item.renditions:
        with Image.open(media_root / rendition["name"]) as image:
            assert image.size == (rendition["width"], rendition["height"])
            assert image.format == {"jpg": "JPEG", "webp": "WEBP", "avif": "AVIF"}[rendition["format"]]
        assert (media_root / rendition["name"]).stat().st_size == rendition["bytes"]
    assert len(item.checksum) == 64


def test_a_small_picture_is_never_enlarged(media_root, author):
    """A 600 px wide PNG gets renditions at 480 and 600 px, none wider."""
    item = create_from_file(
        io.BytesIO(picture("PNG", size=(600, 400))), "schema.png", alt="Un schéma", uploaded_by=author
    )
    assert sorted({r["width"] for r in item.renditions}) == [480, 600]
    assert {r["format"] for r in item.renditions} >= {"webp", "png"}


def test_public_renditions_lose_location_and_serial_and_are_turned_upright(media_root, author):
    """A phone photo held upright (EXIF orientation 6) shows upright, without GPS or camera serial."""
    original = picture(size=(1200, 800), exif=camera_exif(orientation=6))
    item = create_from_file(io.BytesIO(original), "telephone.jpg", alt="Une rue", uploaded_by=author)
    assert (item.width, item.height) == (800, 1200)
    for rendition in item.renditions:
        with Image.open(media_root / rendition["name"]) as image:
            assert image.size == (rendition["width"], rendition["height"])
            assert image.height > image.width
            exif = image.getexif()
            assert 0x8825 not in exif and not exif.get_ifd(0x8825)  # no GPS
            assert b"SERIAL-123456" not in (media_root / rendition["name"]).read_bytes()
    assert b"SERIAL-123456" not in (media_root / item.file.name).read_bytes()  # nor the original (below)


def pixels(data):
    with Image.open(io.BytesIO(data)) as image:
        return image.mode, image.size, image.tobytes()


def metadata_of(data):
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return {
            "orientation": exif.get(0x0112),
            "gps": dict(exif.get_ifd(0x8825)),
            "icc": image.info.get("icc_profile"),
        }


ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize(
    ("fmt", "extension", "options"),
    [
        ("JPEG", "jpg", {"quality": 90}),
        ("JPEG", "jpg", {"progressive": True, "restart_marker_blocks": 4}),
        ("PNG", "png", {"pnginfo": "text"}),
        ("WEBP", "webp", {"quality": 90}),
    ],
)
def test_the_original_kept_loses_location_and_serial_and_keeps_its_pixels(media_root, author, fmt, extension, options):
    """The original is served at the address its Markdown names, and the renditions' addresses say it: the library
    keeps it without the place it was taken, its camera's serial number or a program's notes, but with the same
    pixels (a JPEG is not encoded again), its orientation and its colour profile."""
    if options.get("pnginfo"):
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "Chez nous, 12 rue des Lilas")
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>SERIAL-123456</x:xmpmeta>")
        options = {"pnginfo": info}
    image = Image.linear_gradient("L").resize((640, 480)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=camera_exif(orientation=6), icc_profile=ICC, **options)
    # What a phone may append after the picture (a second picture, its maker's data) goes too.
    uploaded = buffer.getvalue() + (b"SERIAL-123456 trailing data" if options.get("progressive") else b"")
    item = create_from_file(io.BytesIO(uploaded), f"chez-nous.{extension}", alt="Le jardin", uploaded_by=author)
    kept = (media_root / item.file.name).read_bytes()
    assert b"SERIAL-123456" not in kept and b"Lilas" not in kept and b"Fairphone" not in kept
    assert metadata_of(kept) == {"orientation": 6, "gps": {}, "icc": ICC}
    assert pixels(kept) == pixels(uploaded)
    if fmt == "JPEG":  # the same scans, not a new encoding
        assert uploaded[uploaded.index(b"\xff\xda") :].startswith(kept[kept.index(b"\xff\xda") : -2])
    assert (item.width, item.height) == (480, 640)  # stored sideways, shown upright
    assert (item.size, item.checksum) == (len(kept), hashlib.sha256(kept).hexdigest())


def test_a_pdf_is_a_document_without_renditions(media_root, author):
    """A real PDF is accepted as a document."""
    item = create_from_file(io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "Programme 2026.pdf", uploaded_by=author)
    assert (item.kind, item.content_type, item.renditions) == ("document", "application/pdf", [])
    assert item.markdown() == f"[Programme 2026.pdf]({item.url})"


def truncated_jpeg():
    return picture(size=(800, 600))[:-3000]


def bomb():
    """A 10,000 x 10,000 one-bit PNG: a few kilobytes that would decode to 100 million pixels."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    return buffer.getvalue()


REFUSED = [
    ("notes.jpg", lambda: b"These are notes, not a photo.", "is not a picture, although its name says so"),
    ("photo.png", lambda: picture("JPEG", size=(50, 50)), "is not what its name says: it contains a JPEG"),
    ("cut.jpg", truncated_jpeg, "is damaged or incomplete"),
    ("bomb.png", bomb, "its dimensions are too large to process safely"),
    ("logo.svg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG files"),
    ("rapport.pdf", lambda: b"<html>not a pdf</html>", "is not a PDF document"),
    ("setup.exe", lambda: b"MZ\x90\x00", "only pictures (JPEG, PNG, WebP, AVIF, GIF) and PDF documents"),
    ("empty.png", lambda: b"", "is empty"),
]


@pytest.mark.parametrize(("name", "content", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_files_are_refused_with_a_clear_message_and_nothing_stored(media_root, author, name, content, message):
    """Each kind of bad file is refused with a sentence saying why; no file and no row remain."""
    with pytest.raises(ValidationError) as refused:
        create_from_file(io.BytesIO(content()), name, alt="x", uploaded_by=author)
    assert message in " ".join(refused.value.messages)
    assert stored_files(media_root) == []
    assert not MediaItem.objects.exists()


def test_over_the_size_limit_is_refused(settings, media_root, author):
    """The limit is a setting; a larger file is refused before anything is decoded or stored."""
    settings.MEDIA_MAX_UPLOAD_SIZE = 10_000
    with pytest.raises(ValidationError) as refused:
        create_from_file(io.BytesIO(picture(size=(1000, 800))), "big.jpg", uploaded_by=author)
    assert "is too large" in refused.value.messages[0] and "the limit is 9.8\xa0KB" in refused.value.messages[0]
    assert stored_files(media_root) == []


def test_messages_are_in_the_authors_language(media_root, author):
    """An author using the French interface reads why in French."""
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        create_from_file(io.BytesIO(b"nope"), "logo.svg", uploaded_by=author)
    assert "Les fichiers SVG sont refusés" in refused.value.messages[0]


def test_a_failure_while_storing_renditions_leaves_nothing_behind(media_root, author, monkeypatch):
    """If storage fails half-way (disk full), the files already written are removed and no item is made."""
    from django.core.files.storage import default_storage

    real_save = default_storage.save
    calls = []

    def save_then_fail(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 5:
            raise OSError("No space left on device")
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(default_storage, "save", save_then_fail)
    with pytest.raises(OSError):
        create_from_file(io.BytesIO(picture(size=(900, 600))), "plein.jpg", alt="x", uploaded_by=author)
    assert len(calls) == 5
    assert stored_files(media_root) == []
    assert not MediaItem.objects.exists()


def test_a_jpeg_this_reading_cannot_follow_is_encoded_again_without_its_metadata(media_root, author):
    """Bytes between two segments, which decoders skip: the segments after them are not read, the picture so cut
    differs, and the library keeps the picture encoded again (its own quantization tables) rather than its GPS."""
    uploaded = picture(size=(640, 480), exif=camera_exif(orientation=1))
    app0_end = 4 + int.from_bytes(uploaded[4:6], "big")
    uploaded = uploaded[:app0_end] + b"\x00\x00" + uploaded[app0_end:]
    item = create_from_file(io.BytesIO(uploaded), "decale.jpg", alt="Un pré", uploaded_by=author)
    kept = (media_root / item.file.name).read_bytes()
    assert b"SERIAL-123456" not in kept and metadata_of(kept)["gps"] == {}
    assert pixels(kept)[:2] == pixels(uploaded)[:2]


def test_originals_stored_before_lose_their_metadata_with_a_command(media_root, author):
    """An original stored with its GPS and serial number (before the library removed them) is rewritten at its
    address, with its size and checksum; --dry-run only names it; a second run finds nothing."""
    item = create_from_file(io.BytesIO(picture(size=(640, 480))), "ancienne.jpg", alt="Une rue", uploaded_by=author)
    with_metadata = picture(size=(640, 480), exif=camera_exif(orientation=6))
    (media_root / item.file.name).write_bytes(with_metadata)  # as the library stored it before
    out = io.StringIO()
    call_command("remove_media_metadata", "--dry-run", stdout=out)
    assert f"{item.file.name}: " in out.getvalue() and "1 original(s) carry metadata." in out.getvalue()
    assert (media_root / item.file.name).read_bytes() == with_metadata
    call_command("remove_media_metadata", stdout=io.StringIO())
    kept = (media_root / item.file.name).read_bytes()
    assert b"SERIAL-123456" not in kept and metadata_of(kept)["orientation"] == 6
    assert pixels(kept) == pixels(with_metadata)
    item.refresh_from_db()
    assert (item.size, item.checksum) == (len(kept), hashlib.sha256(kept).hexdigest())
    assert stored_files(media_root) == sorted([item.file.name, *(r["name"] for r in item.renditions)])
    out = io.StringIO()
    call_command("remove_media_metadata", stdout=out)
    assert "Metadata removed from 0 original(s)." in out.getvalue()
