from django.urls import path

from . import views

app_name = "columns"
urlpatterns = [
    path("", views.ColumnListView.as_view(), name="column-list"),
    path("<slug:slug>/", views.ColumnDetailView.as_view(), name="column-detail"),
]
