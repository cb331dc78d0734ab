from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, SlugField
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView
from taggit.models import Tag

from .compiled import CompiledQuerySet, Slot
from .links import same_address
from .lists import LIST_IDS
from .models import Language, Post, counted_pages, published_tag_counts
from .pagination import NarrowOffsetPaginator
from .text import by_name

LANGUAGE_HEADINGS = {Language.FR: _("Posts written in French"), Language.EN: _("Posts written in English")}


class PublishedPostsMixin:
    """Lists of posts readers may see; the paginator loads each page's posts with everything a list shows."""

    paginate_by = settings.BLOG_PAGE_SIZE
    paginator_class = NarrowOffsetPaginator

    def get_queryset(self):
        return Post.objects.published()

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        counted = self.stored_count()
        if counted is not None:  # pages numbered from a count the database keeps, not from thousands of rows
            paginator.count, paginator.seek = counted
        paginator.compiled_ids = self.compiled_ids()
        return paginator

    def stored_count(self):
        """How many posts the list holds, where the database keeps the number, and a blog.models.post_count.Seek to
        the page asked for, or None (None: they are counted)."""
        return None

    def skipping(self):
        """How many posts come before the page asked for (None: the last page); 0 for a page number the paginator
        turns down."""
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        if page == "last":
            return None
        try:
            return max(int(page) - 1, 0) * self.paginate_by
        except ValueError:
            return 0

    def compiled_ids(self):
        """Where the list is always one query but for a value: its ids as a CompiledQuery (one of
        blog.lists.LIST_IDS), and the values of its slots, read without compiling a query on each page (None: the
        queryset's)."""
        return None


# A tag page's tag: compiled once.
_TAG = CompiledQuerySet(lambda _now: Tag.objects.filter(slug=Slot("slug", SlugField())))


class PostListView(PublishedPostsMixin, ListView):
    template_name = "blog/post_list.html"

    def stored_count(self):
        return counted_pages(skipping=self.skipping(), page_size=self.paginate_by)

    def compiled_ids(self):
        return LIST_IDS["all"], {}


class PostYearArchiveView(PublishedPostsMixin, YearArchiveView):
    date_field = "published_at"
    make_object_list = True
    template_name = "blog/post_archive_year.html"


class PostMonthArchiveView(PublishedPostsMixin, MonthArchiveView):
    date_field = "published_at"
    month_format = "%m"
    template_name = "blog/post_archive_month.html"


class TagPostListView(PublishedPostsMixin, ListView):
    template_name = "blog/post_list_tag.html"

    def get(self, request, *args, **kwargs):
        """An address typed with capitals (`/tag/Photographie/`, as the tag is written) leads to the tag's own."""
        slug = self.kwargs["slug"]
        if slug != slug.lower() and not Tag.objects.filter(slug=slug).exists():
            tag = Tag.objects.filter(slug=slug.lower()).first()
            if tag:
                query = f"?{request.GET.urlencode()}" if request.GET else ""
                return redirect(reverse("blog:tag-detail", args=[tag.slug]) + query, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # The tag and its count in one query; a tag no post readers see carries is still a page (empty).
        counted = published_tag_counts(slug=self.kwargs["slug"])
        self.tag = counted[0] if counted else _TAG.first(slug=self.kwargs["slug"])
        if self.tag is None:
            raise Http404
        return super().get_queryset().filter(tags=self.tag)

    def stored_count(self):
        return getattr(self.tag, "num_posts", 0), None

    def compiled_ids(self):
        return LIST_IDS["tag"], {"tag": self.tag.pk}

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class LanguagePostListView(PublishedPostsMixin, ListView):
    template_name = "blog/post_list_language.html"

    def get_queryset(self):
        if self.kwargs["language"] not in Language.values:
            raise Http404
        return super().get_queryset().filter(language=self.kwargs["language"])

    def stored_count(self):
        return counted_pages(self.kwargs["language"], skipping=self.skipping(), page_size=self.paginate_by)

    def compiled_ids(self):
        return LIST_IDS["language"], {"language": self.kwargs["language"]}

    def get_context_data(self, **kwargs):
        language = self.kwargs["language"]
        return super().get_context_data(language_code=language, heading=LANGUAGE_HEADINGS[language], **kwargs)


class AuthorPostListView(PublishedPostsMixin, ListView):
    template_name = "blog/post_list_author.html"

    def get_queryset(self):
        # Only someone who has published: an account with no post (the admin's) is nobody's business.
        has_published = Exists(Post.objects.published().filter(author=OuterRef("pk")))
        authors = get_user_model().objects.filter(has_published, is_active=True)
        self.author = get_object_or_404(authors, username=self.kwargs["username"])
        return super().get_queryset().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TagListView(ListView):
    template_name = "blog/tag_list.html"
    context_object_name = "tags"

    def get_queryset(self):
        """Every tag, in dictionary order: "écriture" sorts with the e's, not after "writing"."""
        return by_name(published_tag_counts())


class PostDetailView(DetailView):
    template_name = "blog/post_detail.html"
    context_object_name = "post"

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            return get_object_or_404(Post.objects.for_display().visible_to(self.request.user), slug=self.kwargs["slug"])
        post = Post.objects.published_to_display(self.kwargs["slug"])
        if post is None:
            raise Http404
        return post

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not same_address(request.path, self.object.get_absolute_url()):
            return redirect(self.object, permanent=self.object.is_published)
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        similar = Post.objects.similar_to(self.object)
        return super().get_context_data(similar_posts=similar, **kwargs)


@method_decorator([never_cache, staff_member_required], name="dispatch")
class PostPreviewView(DetailView):
    """The rendered post as readers will see it, for staff, drafts included."""

    template_name = "blog/post_detail.html"
    context_object_name = "post"

    def get_queryset(self):
        return Post.objects.for_display().editable_by(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, similar_posts=[], **kwargs)
