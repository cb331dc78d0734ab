import pytest

from comments.models import CommentStatus
from tests.columns.factories import RepublicationFactory
from tests.comments.factories import CommentFactory
from tests.factories import PostFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def admin_pages(post, column):
    return [
        "/admin/",
        "/admin/blog/post/",
        "/admin/blog/post/add/",
        f"/admin/blog/post/{post.pk}/change/",
        f"/admin/blog/post/{post.pk}/delete/",
        "/admin/accounts/user/",
        "/admin/accounts/user/add/",
        "/admin/password_change/",
        "/admin/auth/group/",
        f"/admin/columns/column/{column.pk}/change/",
        "/admin/columns/republication/",
        "/admin/taggit/tag/",
    ]


def public_pages(post):
    return ["/", post.get_absolute_url(), "/tags/", "/tag/internet/", "/search/?q=internet", "/columns/", "/nowhere/"]


def test_no_page_breaks_the_content_security_policy(live_server, open_page):
    """Public pages and the admin, opened in Chromium, run under the CSP without one violation,
    and the admin's scripts do run (the slug fills itself in from the title)."""
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    post = PostFactory(tags=["internet"])
    column = RepublicationFactory(post=PostFactory()).column
    CommentFactory(post=post, status=CommentStatus.PENDING)  # the admin index shows its notice
    page = open_page()
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on("pageerror", lambda error: violations.append(str(error)))

    for path in public_pages(post):
        page.goto(f"{live_server.url}{path}")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "secret-password")
    page.click("input[type=submit]")
    page.locator("#user-tools").wait_for()
    for path in admin_pages(post, column):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "Content-Security-Policy" in {name.title(): value for name, value in response.headers.items()}
    page.goto(f"{live_server.url}/admin/")
    notice = page.locator(".pending-comments")
    assert notice.evaluate("element => getComputedStyle(element).borderTopStyle") == "solid"  # its style applies
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.locator("#id_title").press_sequentially("Sous la politique")
    assert page.input_value("#id_slug") == "sous-la-politique"
    assert violations == []
