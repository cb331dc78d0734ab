"""Real exports with --media-from an empty folder: every file of the blog is reported missing, with its posts."""

import io

import pytest
from django.core.management import call_command

from media.models import MediaItem
from wordpress.models import Upload

from .test_testdata import WXR

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not WXR.is_dir(), reason="no shared test data in this checkout"),
]


def test_theme_unit_test_files_are_all_listed_missing_with_their_posts(tmp_path):
    """wordpress.com files (`*.files.wordpress.com/2008/06/…`): found in the export, listed, none stored."""
    out = io.StringIO()
    call_command(
        "import_wordpress",
        str(WXR / "themeunittestdata.wordpress.xml"),
        "--media-from",
        str(tmp_path),
        "-v2",
        stdout=out,
    )
    output = out.getvalue()
    listed = output.split("Files not found, still shown from the old site (with the posts using them) (")[1]
    count = int(listed.split(")", 1)[0])
    assert count == 38  # 37 attachments (three named like resized copies stay apart), and one more file
    assert "    2008/06/canola2.jpg — Block: Columns, Block: Cover, Block: Gallery" in listed
    assert f"files (into the media library): {count} skipped" in output
    assert not MediaItem.objects.exists() and not Upload.objects.exists()
