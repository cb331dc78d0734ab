from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render

from blog.models import published_tag_counts
from blog.text import by_name

from .forms import SearchForm, tag_slug
from .queries import Found
from .results import result_for
from .text import Marker, terms


def search(request):
    """The search page: the form, and the matching posts when the query holds a word."""
    # The filter offers the most used tags (and the one chosen): a select of every tag of a
    # twenty-year blog would weigh more than the results on a phone.
    chosen = tag_slug(request.GET.get("tag"))
    popular = published_tag_counts(popular_first=True, limit=settings.SEARCH_TAG_CHOICES, first=chosen)
    tags = by_name(popular)
    form = SearchForm(request.GET or None, tags=tags)
    context = {"form": form, "noindex": True}
    if form.is_valid():
        words = terms(form.cleaned_data["q"])
        context["words"] = words
        if words:
            number = request.GET.get("page")
            found = Found(words, form.cleaned_data["language"], form.cleaned_data["tag"], page=number)
            marker = Marker(words)
            page = Paginator(found, settings.SEARCH_PAGE_SIZE).get_page(number)
            context.update(
                page_obj=page,
                results=[result_for(post, marker) for post in page.object_list],
                query=_query(request),
                every_tag_query=_query(request, without="tag"),
                ranked_at_most=settings.SEARCH_RANKED_MATCHES,  # of more matches, the newest (search.queries)
            )
    return render(request, "search/search.html", context)


def _query(request, without=None):
    """The query string without its page number (for the pagination links), nor the parameter `without`."""
    query = request.GET.copy()
    for name in ("page", without):
        query.pop(name, None)
    return query.urlencode()
