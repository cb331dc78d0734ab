"""The reader's address, read one way for comments, the login lockout and the logs."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind a proxy the right-most address of CLIENT_IP_HEADER (the one the proxy saw).

    Anything that is not an IP address (a forged or broken header) counts as absent.
    """
    header = request.META.get(settings.CLIENT_IP_HEADER, "")
    for candidate in (header.split(",")[-1].strip(), request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None
