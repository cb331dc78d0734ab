import xml.etree.ElementTree as ET


def parse_xml(content):
    """Parse XML the site itself produced (trusted: the test made it)."""
    return ET.fromstring(content)  # noqa: S314
