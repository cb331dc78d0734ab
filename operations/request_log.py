"""Every log line of a request carries its id and the reader's address; the response names the id."""

import contextvars
import logging
import re
import uuid

from .client import client_ip

REQUEST_ID = contextvars.ContextVar("request_id", default="-")
CLIENT_IP = contextvars.ContextVar("client_ip", default="-")
# An id from the proxy (nginx's $request_id) is kept when it looks like one, so both logs agree.
SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        # Not reset on the way out: Django logs a 4xx or 5xx after the last middleware has
        # returned. The next request on this thread sets its own.
        REQUEST_ID.set(request.id)
        CLIENT_IP.set(client_ip(request) or "-")
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `client_ip` to every record (a dash outside a request)."""

    def filter(self, record):
        record.request_id = REQUEST_ID.get()
        record.client_ip = CLIENT_IP.get()
        return True
