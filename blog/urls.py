import unicodedata

from django.urls import path, register_converter

from . import comment_feeds, feeds, views, views_comments


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


class FourDigits(TwoDigits):
    regex = "[0-9]{4}"

    def to_url(self, value):
        return f"{int(value):04d}"


class ComposedSlug:
    """Any slug, Unicode ones included, composed (NFC) as slugs are stored: a browser may send `é` as `e` + accent."""

    regex = "[^/]+"

    def to_python(self, value):
        return unicodedata.normalize("NFC", value)

    def to_url(self, value):
        return value


register_converter(TwoDigits, "dd")
register_converter(ComposedSlug, "nfcslug")
register_converter(FourDigits, "yyyy")

app_name = "blog"
urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("<yyyy:year>/", views.PostYearArchiveView.as_view(), name="archive-year"),
    path("<yyyy:year>/<dd:month>/", views.PostMonthArchiveView.as_view(), name="archive-month"),
    path("<yyyy:year>/<dd:month>/<dd:day>/<nfcslug:slug>/", views.PostDetailView.as_view(), name="post-detail"),
    path("tags/", views.TagListView.as_view(), name="tag-list"),
    path("tag/<nfcslug:slug>/", views.TagPostListView.as_view(), name="tag-detail"),
    path("language/<str:language>/", views.LanguagePostListView.as_view(), name="language-detail"),
    path("feed/", feeds.LatestPostsRssFeed(), name="feed"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed-atom"),
    path("language/<str:language>/feed/", feeds.LanguageRssFeed(), name="language-feed"),
    path("language/<str:language>/feed/atom/", feeds.LanguageAtomFeed(), name="language-feed-atom"),
    path("tag/<nfcslug:slug>/feed/", feeds.TagRssFeed(), name="tag-feed"),
    path("tag/<nfcslug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("authors/<str:username>/", views.AuthorPostListView.as_view(), name="author-detail"),
    path("preview/<int:pk>/", views.PostPreviewView.as_view(), name="post-preview"),
    path(
        "<yyyy:year>/<dd:month>/<dd:day>/<nfcslug:slug>/comment/",
        views_comments.CommentCreateView.as_view(),
        name="comment-create",
    ),
    path(
        "<yyyy:year>/<dd:month>/<dd:day>/<nfcslug:slug>/comments/feed/",
        comment_feeds.PostCommentsFeed(),
        name="post-comments-feed",
    ),
    path("comments/feed/", comment_feeds.LatestCommentsFeed(), name="comments-feed"),
    path("comments/confirm/<str:token>/", views_comments.confirm_subscription, name="subscription-confirm"),
    path("comments/unsubscribe/<str:token>/", views_comments.unsubscribe, name="subscription-unsubscribe"),
]
