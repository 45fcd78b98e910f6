"""A noun that usually points back to the outlet already quoted names a new one when a name follows it.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _speakers(text: str) -> list[str | None]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-01")))
    return [q.speaker for q in a.quotes]


def test_agency_followed_by_its_name_is_that_agency() -> None:
    got = _speakers(
        "وقالت وكالة تاس إن الوفد وصل إلى باكو. "
        "لاحقا، أفادت وكالة APA بأن محكمة في باكو أمرت بحبس الصحفيين."
    )
    assert got == ["tass", "apa"]


def test_agency_alone_points_back_to_the_agency_quoted() -> None:
    got = _speakers("وقالت وكالة تاس إن الوفد وصل إلى باكو. وأضافت الوكالة أن المحادثات ستبدأ غدا.")
    assert got == ["tass", "tass"]


def test_a_source_fronted_before_the_relaying_verb_speaks() -> None:
    """In "وعن كوميرسانت أيضا ننقل أن ..." the source comes first, the relaying verb after it."""
    assert _speakers("وعن كوميرسانت أيضا ننقل أن الرئيسين واصلا حديثهما على انفراد.") == [
        "kommersant"
    ]
    assert _speakers("وننقل عن كوميرسانت أن الرئيسين واصلا حديثهما على انفراد.") == ["kommersant"]
