"""The actor stage's caches give what the plain computations give."""

from __future__ import annotations

from marsad.actors import get_lexicon
from marsad.actors.recognize import _Builder, _surname_endings, _word_list
from marsad.model import Analysis, Document, DocumentMeta
from marsad.resources import data_path
from marsad.text.normalize import normalize_word


def test_word_lists_are_read_once_and_hold_the_file() -> None:
    for name in ("surname_endings.txt", "given_names.txt"):
        lines = data_path("actors", name).read_text(encoding="utf-8").splitlines()
        want = {normalize_word(w) for w in lines if w.strip() and not w.startswith("#")}
        assert _word_list(name) == want
        assert _word_list(name) is _word_list(name)
    assert set(_surname_endings()) == _word_list("surname_endings.txt")
    for word in ("علييف", "اردوغان", "باشينيان", "محمد"):  # endswith(tuple) is any(endswith)
        assert word.endswith(_surname_endings()) == any(
            word.endswith(e) for e in _word_list("surname_endings.txt")
        )


def test_known_actors_are_made_once_per_document_with_the_date_code() -> None:
    lex = get_lexicon()
    text = "نص كتب لهذا الاختبار."
    for published in ("2015-03-01", "2024-08-19", None):
        doc = Analysis.of(Document(text, text, DocumentMeta(published=published)))
        b = _Builder(doc, lex)
        for pid in list(lex.people)[:50] + list(lex.countries)[:20]:
            actor = b.known(pid)
            assert b.known(pid) is actor
            want = lex.actor(pid)
            if want.kind == "person":
                want.code = lex.person_code(pid, doc.published)
            assert actor == want
