from django.contrib.auth import views
from django.urls import path

from . import password_reset

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password_reset/", password_reset.AskView.as_view(), name="admin_password_reset"),
    path("password_reset/done/", password_reset.SentView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", password_reset.NewPasswordView.as_view(), name="password_reset_confirm"),
    path("reset/done/", password_reset.DoneView.as_view(), name="password_reset_complete"),
]
