"""Every lexicon entry is reachable: its canonical Arabic name, read in a sentence, resolves to itself."""

from __future__ import annotations

from marsad.actors import get_lexicon
from marsad.actors.recognize import recognize
from marsad.model import Analysis, Document, DocumentMeta
from marsad.text.segment import segment


def _resolve(name: str) -> list[str]:
    text = f"وقال {name} إن الأمر مهم."
    a = Analysis.of(Document(text, text, DocumentMeta()))
    a.segmentation = segment(text)
    recognize(a, get_lexicon())
    return [m.actor for m in a.mentions]


def test_every_entry_resolves_to_itself() -> None:
    lex = get_lexicon()
    entries = (
        [(c.code, c.name) for c in lex.countries.values()]
        + [(g.code, g.name) for g in lex.igos.values()]
        + [(o.id, o.name) for o in lex.organizations.values()]
        + [(p.id, p.name) for p in lex.people.values()]
    )
    assert len(entries) > 3000
    unreachable = [(key, name, got) for key, name in entries if key not in (got := _resolve(name))]
    assert unreachable == []
