"""The S3 path, against moto's S3-compatible HTTP server on 127.0.0.1 (boto3 is not mocked)."""

import io
import urllib.request

import boto3
import pytest
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer
from PIL import Image

from blog import markup
from media.services import create_from_file, delete_files
from tests.media.conftest import picture

pytestmark = pytest.mark.django_db

PORT = 20210  # in the range this project's tests use for their own servers
ENDPOINT = f"http://127.0.0.1:{PORT}"
BUCKET = "carnet-media"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=PORT, verbose=False)
    server.start()
    yield boto3.client(
        "s3", endpoint_url=ENDPOINT, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    )
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    s3_server.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": ENDPOINT,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": "public-read",  # readers fetch the pictures anonymously
            },
        },
    }
    yield s3_server
    for stored in s3_server.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3_server.delete_object(Bucket=BUCKET, Key=stored["Key"])
    s3_server.delete_bucket(Bucket=BUCKET)


def keys(client):
    return sorted(stored["Key"] for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_uploads_and_renditions_go_to_the_bucket_and_posts_point_there(
    bucket, author, django_capture_on_commit_callbacks
):
    """With S3 configured, the original and its renditions are objects in the bucket, served from there."""
    original = picture(size=(1000, 700))
    item = create_from_file(io.BytesIO(original), "Plage.jpg", alt="Une plage", uploaded_by=author)
    assert "S3" in type(default_storage._wrapped).__name__
    assert keys(bucket) == sorted(item.stored_names())
    assert bucket.get_object(Bucket=BUCKET, Key=item.file.name)["Body"].read() == original
    assert item.url == f"{ENDPOINT}/{BUCKET}/{item.file.name}"

    html = markup.render(f"![Une plage]({item.url})")
    assert f'srcset="{ENDPOINT}/{BUCKET}/' in html and "<figure>" in html
    largest_webp = max((r for r in item.renditions if r["format"] == "webp"), key=lambda r: r["width"])
    with urllib.request.urlopen(item.rendition_url(largest_webp)) as response:  # noqa: S310 - our local server
        assert Image.open(io.BytesIO(response.read())).size == (1000, 700)

    with django_capture_on_commit_callbacks(execute=True):
        delete_files(item)
        item.delete()
    assert keys(bucket) == []


def test_a_refused_file_leaves_the_bucket_empty(bucket, author):
    """A truncated picture is refused and nothing reaches the bucket."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_from_file(io.BytesIO(picture(size=(800, 600))[:-2000]), "coupee.jpg", alt="x", uploaded_by=author)
    assert keys(bucket) == []
