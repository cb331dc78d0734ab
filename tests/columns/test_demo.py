import pytest
from django.core.management import call_command

from columns.models import Column, OriginalStatus, Publication, Republication

pytestmark = pytest.mark.django_db


def test_demo_has_a_column_with_two_pieces_one_gone_and_archived(client):
    """seed_demo, run twice: one publication, one described column, two French pieces, one gone but archived."""
    call_command("seed_demo", stdout=None)
    call_command("seed_demo", stdout=None)
    assert list(Publication.objects.values_list("name", flat=True)) == ["Les Quotidiennes"]
    column = Column.objects.get()
    assert column.name == "Chroniques du monde connecté"
    assert column.descriptions()["en"] == (
        "I write a weekly column for Les Quotidiennes, which I republish here for safekeeping."
    )
    assert "fr" in column.descriptions()
    pieces = Republication.objects.select_related("post")
    assert len(pieces) == 2 and {piece.post.language for piece in pieces} == {"fr"}
    gone = pieces.get(original_status=OriginalStatus.GONE)
    assert gone.archive_url.startswith("https://web.archive.org/")
    html = client.get("/columns/chroniques-du-monde-connecte/").content.decode()
    assert html.count('class="piece"') == 2
