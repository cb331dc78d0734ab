"""Script-injection payloads and a check that a page carries no script they could have made."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

# Always-on vectors written for Carnet; the 270 shared ones run too when ../shared/ exists.
OWN_VECTORS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    '<svg onload="alert(1)">',
    '"><script>alert(1)</script>',
    "<iframe src=\"javascript:alert('x')\"></iframe>",
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    "![x](javascript:alert(1))",
    "<body onload=alert(1)>",
]

CONTROLS_AND_SPACE = "".join(map(chr, range(33)))
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}


def shared_vectors():
    path = Path(settings.BASE_DIR).parent / "shared" / "testdata" / "xss" / "all-xss-vectors.json"
    if not path.exists():
        pytest.skip("../shared/testdata/xss is not here (a user's clone has no shared/)")
    return [item["payload"] for item in json.loads(path.read_text())]


# The page's own JSON-LD is data, not script; with no "<" inside, nothing was injected into it.
JSON_LD = re.compile(r'<script type="application/ld\+json">[^<]*</script>')
# The site's own script files (static, deferred, empty): cleaned content can hold no <script> at all.
OWN_SCRIPT = re.compile(r'<script src="/static/js/[\w-]+\.js" defer></script>')


class ScriptFinder(HTMLParser):
    def __init__(self, allowed_script=None):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.allowed_script = allowed_script
        self.allowed_scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            if self.allowed_script and self.allowed_script(dict(attrs)):
                self.allowed_scripts += 1
            else:
                self.problems.append(f"<script> tag: {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                # As browsers read a URL: tabs and newlines vanish, leading controls and spaces are trimmed.
                squeezed = re.sub(r"[\t\n\r]", "", value).lstrip(CONTROLS_AND_SPACE).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"script URL in {name}= on <{tag}>: {value!r}")


def script_problems(html, allowed_script=None):
    """Every script tag, event-handler attribute or javascript: URL found in `html`."""
    html = OWN_SCRIPT.sub("", JSON_LD.sub("", html))
    finder = ScriptFinder(allowed_script)
    finder.feed(html)
    finder.close()
    if len(re.findall(r"<script", html, re.IGNORECASE)) > finder.allowed_scripts:
        finder.problems.append("raw <script")
    return finder.problems


def admin_script(attrs):
    """The admin's own scripts: files under /static/ or its translation catalogue, nothing inline."""
    src = attrs.get("src") or ""
    known = {"src", "id", "defer", "async", "type"}
    return (
        (src.startswith("/static/") or src == "/admin/jsi18n/")
        and all(name in known or name.startswith("data-") for name in attrs)
        and attrs.get("type", "text/javascript") == "text/javascript"
    )


# Data for the admin's scripts written by json_script, which escapes "<": with no "<" inside, nothing was injected.
JSON_DATA = re.compile(r'<script id="[\w-]+" type="application/json">[^<]*</script>')


def admin_script_problems(html):
    """script_problems() for an admin page, whose own script files and JSON data are expected."""
    return script_problems(JSON_DATA.sub("", html), allowed_script=admin_script)
