"""Code listings of the SyntaxHighlighter plugins → `<pre><code class="language-…">`.

`[code]`, `[sourcecode language="…"]` and one shortcode per language (`[bash]`,
`[php]`, `[python]`…). The visual editor stored the code with its `<`, `&` and
non-breaking spaces as entities, sometimes with `<br />` and `<p>` of its own: the
listing keeps its lines and indentation, and shows the characters the author typed.
"""

import html
import re

from .shortcodes import attributes, pattern

LANGUAGES = {
    **dict.fromkeys(("code", "sourcecode", "plain", "text"), "plaintext"),
    **dict.fromkeys(("bash", "shell", "sh", "zsh"), "bash"),
    **dict.fromkeys(("js", "javascript", "jscript"), "javascript"),
    **dict.fromkeys(("html", "xhtml"), "html"),
    **dict.fromkeys(("xml", "xslt"), "xml"),
    **dict.fromkeys(("python", "py"), "python"),
    **dict.fromkeys(("ruby", "rails", "ror"), "ruby"),
    **dict.fromkeys(("perl", "pl"), "perl"),
    **dict.fromkeys(("cpp", "c++"), "cpp"),
    **dict.fromkeys(("csharp", "c#"), "csharp"),
    **dict.fromkeys(("diff", "patch"), "diff"),
    **dict.fromkeys(("as3", "actionscript3"), "actionscript"),
    **dict.fromkeys(("vb", "vbnet"), "vbnet"),
    **dict.fromkeys(("golang", "go"), "go"),
    **dict.fromkeys(("php", "java", "css", "sql", "scala", "groovy", "yaml", "powershell", "objc"), None),
    **dict.fromkeys(("swift", "latex", "matlab", "erlang", "haskell", "clojure", "delphi", "coldfusion"), None),
    **dict.fromkeys(("fsharp", "json", "kotlin", "typescript", "jsx", "lua", "rust", "less", "scss"), None),
}
LISTING = pattern([re.escape(name) for name in sorted(LANGUAGES, key=len, reverse=True)], closing="required")
PARAGRAPH_BREAK = re.compile(r"</p>\s*<p>", re.IGNORECASE)
LINE_BREAK = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)
EDITOR_PARAGRAPH = re.compile(r"</?p>", re.IGNORECASE)


def language(name):
    name = name.lower()
    found = LANGUAGES.get(name, name)
    return found or name


def listing(name, attribute_text, code):
    """The `<pre><code>` for one listing."""
    values = attributes(attribute_text)
    wanted = values.get("language") or values.get("lang") or name
    code = PARAGRAPH_BREAK.sub("\n\n", code)
    code = EDITOR_PARAGRAPH.sub("", LINE_BREAK.sub("\n", code))
    code = html.unescape(code).replace("\xa0", " ").replace("&nbsp;", " ")
    code = code.strip("\n").rstrip()
    safe_language = re.sub(r"[^\w+#-]", "", language(wanted)) or "plaintext"
    return f'<pre><code class="language-{safe_language}">{html.escape(code, quote=False)}</code></pre>'


def convert(text, held):
    """Every listing of `text` held aside as its `<pre><code>`; returns the text and how many."""
    count = 0

    def hold(match):
        nonlocal count
        count += 1
        return held.block(listing(match.group(1), match.group(2), match.group(3)))

    return LISTING.sub(hold, text), count
