"""The seed pages of `../shared/reference/seeds/`, read back into the posts they show.

Each file is the plain text of one page of the author's old blog: one paragraph a line,
a title ending in its `[fr]`/`[en]` marker, opening `[en] …`/`[fr] …` summaries, the body,
then "Similar Posts:" (whose list the dump lost). Some pages are a single post with no
marked title, ending in a "Tags:" line or a comment form. A photo left its caption as a
line, followed by a "Crédit photo: …" line.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

TITLE = re.compile(r"^(?P<title>\S.*?) \[(?P<language>fr|en)\]$")
SUMMARY = re.compile(r"^\[(?P<language>fr|en)\] (?P<text>.+)$")
NOTICE = re.compile(
    r"^(?P<column>[^:]+): cet article a été initialement publié dans "
    r"(?P<publication>.+?) \((?P<link>voir l.original)\)\.$"
)
LIST_ITEM = re.compile(r"^ +(?P<mark>•|\d+\.) (?P<text>.+)$")
TAGS = "Tags: "
PHOTO_CREDIT = "Crédit photo: "
END_OF_POST = "Similar Posts:"
END_OF_PAGE = re.compile(r"^(\d+ comments? for |Laisser un commentaire$)")
# "2. La pub" opens a section in the page; Markdown would make it a list item: the author escapes the dot.
NUMBERED_OPENING = re.compile(r"^(\d+)\. ")


def seeds_folder():
    return Path(settings.BASE_DIR).parent / "shared" / "reference" / "seeds"


@dataclass
class Notice:
    column: str
    publication: str
    link: str


@dataclass
class Photo:
    caption: str
    credit: str


@dataclass
class SeedPost:
    seed: str
    title: str | None = None
    marker: str | None = None
    summaries: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str | Photo] = field(default_factory=list)
    notice: Notice | None = None
    tags: list[str] = field(default_factory=list)
    ended: bool = False

    @property
    def language(self):
        """The title's marker; without one, the language a lone summary is not written in."""
        if self.marker:
            return self.marker
        if len(self.summaries) == 1:
            return "en" if "fr" in self.summaries else "fr"
        return None

    @property
    def photos(self):
        return [line for line in self.paragraphs if isinstance(line, Photo)]

    def texts(self):
        """The body paragraphs as a reader reads them (list items without their bullet; photos apart)."""
        lines = [line for line in self.paragraphs if not isinstance(line, Photo)]
        return [item["text"] if (item := LIST_ITEM.match(line)) else line for line in lines]

    def markdown(self, pictures=None):
        """The body as the author types it in Markdown: paragraphs, lists, and `pictures` ({caption: Markdown})."""
        blocks = []
        in_list = False
        for line in self.paragraphs:
            if isinstance(line, Photo):
                blocks.append(pictures[line.caption])
                in_list = False
                continue
            item = LIST_ITEM.match(line)
            if item:
                bullet = "-" if item["mark"] == "•" else item["mark"]
                entry = f"{bullet} {item['text']}"
                blocks[-1:] = [f"{blocks[-1]}\n{entry}"] if in_list else [*blocks[-1:], entry]
            else:
                blocks.append(NUMBERED_OPENING.sub(r"\1\\. ", line))
            in_list = bool(item)
        return "\n\n".join(blocks)


def read_seed(path):
    """Every post on the page at `path`, in the order the page shows them."""
    seed = path.name.split("_", 1)[0]
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    posts = []
    for number, line in enumerate(lines):
        if title := TITLE.match(line):
            posts.append(SeedPost(seed, title=title["title"], marker=title["language"]))
            continue
        if not posts:
            posts.append(SeedPost(seed))
            if number == 0 and _bare_title(line):
                posts[-1].title = line
                continue
        post = posts[-1]
        if post.ended:
            continue
        if line == END_OF_POST or END_OF_PAGE.match(line):
            post.ended = True
        elif line.startswith(TAGS):
            post.tags = [tag.strip() for tag in line.removeprefix(TAGS).split(",")]
            post.ended = True  # what follows are readers' comments
        elif line.startswith(PHOTO_CREDIT) and post.paragraphs:
            post.paragraphs.append(Photo(post.paragraphs.pop(), line.removeprefix(PHOTO_CREDIT)))
        elif summary := SUMMARY.match(line):
            post.summaries[summary["language"]] = summary["text"]
        elif notice := NOTICE.match(line):
            post.notice = Notice(notice["column"], notice["publication"], notice["link"])
        else:
            post.paragraphs.append(line)
    return posts


def _bare_title(line):
    """A page's first line is an unmarked title when it is short and is not a sentence."""
    return len(line) <= 100 and not line.endswith((".", "!", "?", ":", "…", ")"))


def read_seeds(folder):
    """{seed number: its posts} for every seed file in `folder`."""
    return {path.name.split("_", 1)[0]: read_seed(path) for path in sorted(folder.glob("*.txt"))}
