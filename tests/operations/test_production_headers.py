import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "SECRET_KEY": "k3y-" + "x7Qp9vLm2Rt8Wz4Yb6Nc1Hd5Jf0Gs3Ka" * 2,
    "ALLOWED_HOSTS": "carnet.example",
}


def manage(*arguments, **env):
    return subprocess.run(  # noqa: S603 (the project's own manage.py)
        [sys.executable, "manage.py", *arguments],
        env={"PATH": os.environ.get("PATH", ""), **PRODUCTION, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_finds_nothing_to_warn_about():
    """`manage.py check --deploy` with the production settings prints no warning (HSTS, HTTPS redirect…)."""
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_plain_http_for_a_local_run_turns_off_what_needs_tls():
    """HTTPS=0 (make serve) drops the redirect, HSTS and secure cookies, and check --deploy says so."""
    result = manage("check", "--deploy", HTTPS="0")
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_a_post_page_carries_the_security_headers(client):
    """A post page: a CSP with no inline script, no plug-in, no framing; Permissions-Policy; nosniff."""
    response = client.get(PostFactory().get_absolute_url())
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    # An old post's photo kept on Flickr shows, and one still on the old blog's server over plain HTTP.
    assert policy["img-src"].split()[:4] == ["'self'", "data:", "https:", "http:"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
