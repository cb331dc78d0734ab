import math
import uuid

from django.contrib import messages
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from blog.views import PostDetailView
from operations.client import client_ip

from . import ratelimit, services, spam
from .forms import CommentForm
from .models import CommentStatus, Subscription


@method_decorator(csrf_exempt, name="dispatch")  # checked in post(), to answer with the form rather than a bare 403
class CommentCreateView(PostDetailView):
    """Receives the comment form; on any problem the post page comes back with the form as typed."""

    http_method_names = ["get", "post"]
    kept_fields = [
        "parent",
        "author_name",
        "author_email",
        "author_url",
        "body",
        "notify",
        "notify_scope",
        "submission",
    ]

    def get(self, request, *args, **kwargs):
        """Whoever opens the form's own address (a reload, a bookmark) lands on the post's comments."""
        return redirect(f"{self.get_object().get_absolute_url()}#comments")

    def post(self, request, *args, **kwargs):
        self.object = post = self.get_object()
        if CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None:
            # No valid token: a page from the shared cache sent by a browser without JavaScript, or
            # a form left open too long. The page comes back with her text and fresh keys.
            kept = CommentForm(
                post=post,
                # Nothing was stored: a submission token of her own, as the shared page held one for all.
                initial={name: request.POST.get(name) for name in self.kept_fields} | {"submission": uuid.uuid4()},
            )
            message = _("For your safety, please send your comment once more: your text is kept below.")
            return self.page_with_form(kept, message, status=403)
        form = CommentForm(request.POST, post=post)
        if not post.comments_open:
            return self.page_with_form(form, _("Comments are closed on this post."), status=403)
        if not form.is_valid():
            return self.page_with_form(form, _("Your comment was not sent. Please correct what is marked."), status=400)
        ip_address = client_ip(request)
        if wait := ratelimit.wait_before_next(ip_address):
            minutes = max(1, math.ceil(wait.total_seconds() / 60))
            message = ngettext(
                "You have sent several comments in a short time. Please send this one again in %(minutes)d minute: "
                "your text is kept below.",
                "You have sent several comments in a short time. Please send this one again in %(minutes)d minutes: "
                "your text is kept below.",
                minutes,
            ) % {"minutes": minutes}
            return self.page_with_form(form, message, status=429)
        comment = services.post_comment(
            post=post,
            data=form.cleaned_data,
            user=request.user,
            ip_address=ip_address,
            user_agent=request.headers.get("User-Agent", ""),
            language=get_language()[:2],
            request_meta=request.META,
        )
        confirm = (
            " " + _("We have sent you an e-mail: follow its link to confirm that you want to be notified.")
            if comment.confirmation_sent
            else ""
        )
        if comment.status == CommentStatus.APPROVED:
            published = _("Thank you, your comment is published.") + confirm
            messages.success(request, published, extra_tags=f"comment published-{comment.pk}")
            return redirect(comment.get_absolute_url())
        # Spam gets the same answer as a held comment: no hint for whoever sent it. The page she lands on shows
        # her the comment, with this notice, where it will appear for everyone once approved.
        held = _("Thank you. Your comment awaits moderation: it will appear here once approved.")
        messages.info(request, held + confirm, extra_tags=f"comment awaiting-{comment.pk}")
        return redirect(comment.get_absolute_url())

    def page_with_form(self, form, message, status):
        context = self.get_context_data(object=self.object, comment_form=form, comment_error=message)
        return self.render_to_response(context, status=status)


@never_cache
def form_keys(request):
    """What a comment form needs that a page shared by every reader cannot hold: her CSRF token, the form's time,
    and a submission token of her own (two readers sending the same words from one cached page are two comments)."""
    return JsonResponse(
        {"csrfmiddlewaretoken": get_token(request), "timestamp": spam.sign_timestamp(), "submission": str(uuid.uuid4())}
    )


@never_cache
@csrf_exempt  # the token is the secret, as for unsubscribing
def confirm_subscription(request, token):
    """GET asks, POST confirms: mail scanners and link previews open links, and would subscribe an address whose
    owner never agreed."""
    subscription = Subscription.objects.select_related("post", "comment").filter(token=token).first()
    if subscription is None:  # unsubscribed since, or a link cut by the mail program
        return render(request, "comments/subscription_gone.html", status=404)
    if request.method == "POST":
        services.confirm_subscription(subscription)
    if subscription.confirmed_at is None:
        return render(request, "comments/subscription_confirm.html", {"subscription": subscription})
    return render(request, "comments/subscription_confirmed.html", {"subscription": subscription})


@never_cache
@csrf_exempt  # mail clients' one-click unsubscribe (RFC 8058) posts without a CSRF token; the token is the secret
def unsubscribe(request, token):
    """GET asks (mail scanners follow links); POST, from the page or a mail client, unsubscribes."""
    subscription = Subscription.objects.select_related("post").filter(token=token).first()
    if subscription is None:
        return render(request, "comments/unsubscribed.html", {"post": None})
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, "comments/unsubscribed.html", {"post": subscription.post})
    return render(request, "comments/unsubscribe_confirm.html", {"subscription": subscription})
