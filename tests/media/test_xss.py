import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from media.models import MediaItem
from media.services import create_from_file
from tests.factories import EditorFactory, PostFactory
from tests.media.conftest import picture
from tests.xss import OWN_VECTORS, admin_script_problems, script_problems, shared_vectors

pytestmark = pytest.mark.django_db


def items_described_by(payloads, author):
    """One library picture per payload, the payload as its alt text, caption, credit and file name."""
    model = create_from_file(io.BytesIO(picture(size=(500, 300))), "modele.jpg", alt="x", uploaded_by=author)
    original = default_storage.open(model.file.name).read()
    items = []
    for index, payload in enumerate(payloads):
        name = default_storage.save(f"xss/{index}.jpg", ContentFile(original))
        items.append(
            MediaItem.objects.create(
                file=name,
                original_name=payload[:255],
                kind="image",
                content_type="image/jpeg",
                size=model.size,
                width=model.width,
                height=model.height,
                checksum=model.checksum,
                renditions=model.renditions,
                alt_text=payload[:500],
                caption=payload[:500],
                credit=payload[:300],
                uploaded_by=author,
            )
        )
    return items


def assert_no_script(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        check = admin_script_problems if url.startswith("/admin/") else script_problems
        problems = check(response.content.decode())
        assert problems == [], f"{url}: {problems}"


def check_payloads(client, payloads, author):
    items = items_described_by(payloads, author)
    posts = [
        PostFactory(
            author=author, tags=["xss"], body="\n\n".join(f"![]({item.url})" for item in items[start : start + 30])
        )
        for start in range(0, len(items), 30)
    ]
    assert sum(post.body_html.count("<figure>") for post in posts) == len(items)
    assert_no_script(client, [post.get_absolute_url() for post in posts] + ["/", "/feed/", "/tag/xss/"])
    client.force_login(EditorFactory())
    pages = (len(items) + 1) // 50 + 1
    assert_no_script(client, [f"/admin/media/mediaitem/?p={page}" for page in range(1, pages + 1)])
    assert_no_script(client, [f"/admin/media/mediaitem/{item.pk}/change/" for item in items])
    assert_no_script(
        client, [f"/admin/media/mediaitem/{items[0].pk}/delete/", f"/admin/blog/post/{posts[0].pk}/change/"]
    )


def test_own_vectors_in_descriptions_and_file_names_produce_no_script(client, media_root, author):
    """Payloads in alt text, caption, credit and file name stay text on posts, feeds and admin pages."""
    check_payloads(client, OWN_VECTORS, author)


def test_shared_vectors_in_descriptions_and_file_names_produce_no_script(client, media_root, author):
    """The 270 shared payloads, each as a picture's alt text, caption, credit and file name: no script anywhere."""
    vectors = shared_vectors()
    assert len(vectors) == 270
    check_payloads(client, vectors, author)


@pytest.mark.parametrize("payload", OWN_VECTORS[:5])
def test_a_payload_as_an_uploaded_file_name_is_stored_under_a_harmless_name(media_root, author, payload):
    """The stored file's name is made of letters, digits and dashes whatever the author's file was called."""
    item = create_from_file(io.BytesIO(picture(size=(100, 80))), f"{payload}.jpg", alt="x", uploaded_by=author)
    assert item.original_name == f"{payload}.jpg"
    stem = item.file.name.rsplit("/", 1)[1]
    assert stem.replace("-", "").replace(".", "").replace("_", "").isalnum(), stem
