import pytest

from tests.factories import PostFactory
from tests.xss import OWN_VECTORS, script_problems, shared_vectors

pytestmark = pytest.mark.django_db


def assert_pages_are_clean(client, post):
    for url in (post.get_absolute_url(), "/", f"/tag/{post.tags.first().slug}/"):
        html = client.get(url).content.decode()
        assert script_problems(html) == [], url


def test_checker_finds_what_it_looks_for():
    """The checker itself flags a script, a handler and a javascript: URL."""
    problems = script_problems('<script>x</script><img onerror="x"><a href=" javascript:x">')
    assert len(problems) == 4  # the script tag counts twice: as parsed and as raw text


@pytest.mark.parametrize("payload", OWN_VECTORS)
def test_own_vectors_in_body_and_summary_produce_no_script(client, payload):
    """Payloads typed into a body or a summary come out harmless on every page."""
    post = PostFactory(body=f"Intro\n\n{payload}\n\n{payload}", summary={"en": payload}, tags=["t"])
    assert_pages_are_clean(client, post)


def test_shared_vectors_in_body_and_summary_produce_no_script(client):
    """All 270 shared payloads, each typed into a body and a summary, leave no script in any page."""
    vectors = shared_vectors()
    assert len(vectors) == 270
    for index, payload in enumerate(vectors):
        post = PostFactory(body=payload, summary={"en": payload, "fr": payload}, tags=["xss"])
        for url in (post.get_absolute_url(), "/"):
            html = client.get(url).content.decode()
            assert script_problems(html) == [], f"vector {index}: {payload!r} on {url}"
        post.delete()
