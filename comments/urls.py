from django.urls import path

from blog import converters  # noqa: F401 - registers <yyyy>, <dd> and <nfcslug>

from . import feeds, views

app_name = "comments"
urlpatterns = [
    path("<yyyy:year>/<dd:month>/<dd:day>/<nfcslug:slug>/comment/", views.CommentCreateView.as_view(), name="create"),
    path("<yyyy:year>/<dd:month>/<dd:day>/<nfcslug:slug>/comments/feed/", feeds.PostCommentsFeed(), name="post-feed"),
    path("comments/feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("comments/form-keys/", views.form_keys, name="form-keys"),
    path("comments/confirm/<str:token>/", views.confirm_subscription, name="subscription-confirm"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="subscription-unsubscribe"),
]
