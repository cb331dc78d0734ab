"""Error reports to Sentry, only when SENTRY_DSN is set (sentry-sdk is imported then and only then)."""

from .request_log import REQUEST_ID


def init(dsn, environment):
    import sentry_sdk  # pip install -e ".[sentry]"

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,  # no reader's address, cookie or form in a report
        traces_sample_rate=0,
        before_send=with_request_id,
    )


def with_request_id(event, hint):
    """The report names the request id, as the log line does: one search finds both."""
    event.setdefault("tags", {})["request_id"] = REQUEST_ID.get()
    return event
