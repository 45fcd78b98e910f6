"""A noun in ة with a pronoun suffix writes its ة as ت (زيارته); such forms are triggers too.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _events(text: str) -> list[tuple[str, list[str], list[str], str]]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-03-10")))
    return [(a.span(*e.trigger), e.source, e.target, e.cameo) for e in a.events]


def test_visit_with_a_pronoun_suffix_is_a_visit() -> None:
    got = _events("وبدأ رئيس الوزراء الأرميني نيكول باشينيان زيارته إلى واشنطن أمس.")
    assert ("زيارته", ["pashinyan_nikol"], ["USA"], "042") in got


def test_the_form_in_t_needs_its_pronoun() -> None:
    from marsad.events.extract import _accept
    from marsad.events.lexicon import TriggerForm, get_event_lexicon

    lex = get_event_lexicon()
    assert any(t.construct for t in lex.forms["رحلت"])  # رحلته، رحلتها
    construct = TriggerForm(0, "noun", construct=True)
    assert _accept("", "ه", construct)
    assert not _accept("و", "", construct)  # ورحلت: "and she left", not the noun رحلة
