from django.urls import re_path

from . import views

# A segment that is none of the old blog's suffixes (`feed/`, `page/2/`, a year or a day):
# such addresses go on to the redirects without looking for a page.
SEGMENT = r"(?!(?:[0-9]+|feed|page|trackback|embed|amp|comment-page-[0-9]+)/)[^/]+"
PAGE_PATH = rf"(?P<path>{SEGMENT}(?:/{SEGMENT})*)/"

app_name = "pages"
urlpatterns = [
    # Routed last (config.urls), after every address of Carnet's own.
    re_path(rf"^{PAGE_PATH}$", views.PageView.as_view(), name="page"),
]
