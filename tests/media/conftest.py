import io

import pytest
from PIL import Image

from tests.factories import AuthorFactory


def picture(fmt="JPEG", size=(2000, 1500), exif=None, mode="RGB"):
    """Real image bytes: a gradient with some detail, in `fmt`."""
    image = Image.linear_gradient("L").resize(size).convert(mode) if mode != "L" else Image.linear_gradient("L")
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def camera_exif(orientation=6):
    """EXIF as a phone writes it: where (GPS), which camera (serial), and how it was held."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Fairphone"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (46.0, 31.0, 12.0), "E", (6.0, 38.0, 2.0)
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-123456"  # BodySerialNumber
    return exif


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def author(db):
    return AuthorFactory(username="claire")
