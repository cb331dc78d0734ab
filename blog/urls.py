from django.urls import path

from . import converters, feeds, views  # noqa: F401 - converters registers <yyyy>, <dd> and <nfcslug>

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
]
