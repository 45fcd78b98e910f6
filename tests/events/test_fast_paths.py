"""The event stage's caches and fast paths give what the rules they stand for compute.

The stage folds each trigger entry's cue lists once (:class:`EntryCues`), reads a document's
sentences with one automaton pass (:func:`find_forms_in_spans`) and keeps per-document answers
(:class:`_DocIndex`).  Each is checked here against the plain computation it replaces, on the
packaged lexicon and on texts written for these tests.
"""

from __future__ import annotations

import pytest

from marsad.events import get_event_lexicon
from marsad.events.clauses import in_prepositional_phrase
from marsad.events.extract import _accept, _DocIndex, _prep_before
from marsad.events.lexicon import EntryCues, EventLexicon, TriggerEntry
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.text.match import find_forms, find_forms_in_spans
from marsad.text.normalize import normalize_word

# Written for these tests (fictional reports).
TEXTS = (
    "استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس أمس نظيره المصري عبد الفتاح السيسي، "
    "وبحث الجانبان سبل تعزيز التعاون في مجال الطاقة.\n\n"
    "وأعلنت وزارة الخارجية الجزائرية استدعاء سفير فرنسا لديها احتجاجا على تصريحات مسيئة. "
    "ومن المقرر أن يزور وزير الخارجية الروسي سيرغي لافروف أنقرة الشهر المقبل.",
    "قتل مسلحون مجهولون ثلاثة من رجال الشرطة في هجوم على نقطة تفتيش شمال المدينة أمس. "
    "وأطلقت الشرطة الغاز المسيل للدموع على المتظاهرين في وسط العاصمة، واعتقلت العشرات منهم.\n\n"
    "وهدد رئيس الوزراء العراقي بفرض عقوبات على الشركات التركية إذا لم تتراجع أنقرة عن قرارها.",
    "التقى الرئيسان في موسكو وتحدثا عن الأزمة. ولم يلتق وزير الخارجية الأمريكي نظيره الصيني.",
)


def _analyses():  # type: ignore[no-untyped-def]
    out = []
    for i, text in enumerate(TEXTS):
        meta = DocumentMeta(published="2024-05-14", published_precision="day", source=f"t{i}")
        out.append(analyze(Document(raw=text, text=text, meta=meta)))
    return out


@pytest.fixture(scope="module")
def analyses():  # type: ignore[no-untyped-def]
    return _analyses()


def test_entry_cues_equal_the_foldings_of_every_trigger_entry() -> None:
    lex = get_event_lexicon()
    for entry in lex.triggers:
        cues = lex.cues(entry)
        assert cues.requires == tuple(normalize_word(w) for w in entry.requires)
        assert cues.excludes == tuple(normalize_word(w) for w in entry.excludes)
        assert cues.refine == tuple(
            (tuple(normalize_word(c) for c in r.cue), r.cameo) for r in entry.refine
        )
        assert cues.target_preps == tuple(normalize_word(p) for p in entry.target_preps)
        assert cues.verbs == {normalize_word(v) for v in entry.verbs}
        assert cues.passive == {normalize_word(v) for v in entry.passive}
        assert cues.masdar == {normalize_word(v) for v in entry.masdar}
        assert cues.heads == {normalize_word(f).split()[0] for f in (*entry.verbs, *entry.phrases)}
        assert lex.cues(entry) is cues  # folded once


def test_cues_follow_the_entry_object_not_its_id() -> None:
    lex = EventLexicon({}, [], {})
    a = TriggerEntry(id="x", cameo="040", gloss_en="meet", verbs=["التقى"], requires=["أمس"])
    b = TriggerEntry(id="x", cameo="040", gloss_en="meet", verbs=["زار"], requires=["اليوم"])
    assert lex.cues(a) == EntryCues.of(a)
    assert lex.cues(b) == EntryCues.of(b)
    assert lex.cues(a).verbs != lex.cues(b).verbs


def test_dual_kinds_and_spaced_cues_match_the_cue_lists() -> None:
    lex = get_event_lexicon()
    duals = lex.modality.get("duals") or {}
    words = {w for k in duals for w in lex.words("duals", k, head=True)} | {"وزير", "روسيا"}
    for w in words:
        expected = {k for k in duals if w in lex.words("duals", k, head=True)}
        assert lex.dual_kinds(w) == expected
    assert set(lex.spaced("hypothetical", "before")) == {
        f" {w} " for w in lex.words("hypothetical", "before")
    }


def test_one_pass_over_the_sentences_finds_what_one_pass_per_sentence_does(analyses) -> None:  # type: ignore[no-untyped-def]
    lex = get_event_lexicon()
    for a in analyses:
        nz = a.norm
        spans = [nz.span_to_normalized(s, e) for s, e in a.segmentation.sentences]
        n = len(nz.text)
        # the sentences, and spans that overlap, touch, cut words or hold nothing
        spans += [(0, n), (0, n // 2), (n // 3, n), (5, 5), (n // 2, n // 2 + 17), (0, 1)]
        got = find_forms_in_spans(lex.automaton(), nz.text, _accept, spans, original=nz)
        for (s, e), hits in zip(spans, got, strict=True):
            want = find_forms(lex.automaton(), nz.text, _accept, s, e, original=nz)
            assert hits == want, (s, e)
    assert find_forms_in_spans(lex.automaton(), "نص", _accept, []) == []


def test_the_document_index_answers_as_the_rules_do(analyses) -> None:  # type: ignore[no-untyped-def]
    for a in analyses:
        ix = _DocIndex(a)
        for m in a.mentions:
            assert ix.prep(m) == _prep_before(a, m)
            assert ix.prep(m) == _prep_before(a, m)  # kept answer
            assert ix.in_phrase(m.start) == in_prepositional_phrase(a.text, m.start)
        paras = a.segmentation.paragraphs
        for offset in range(-1, len(a.text) + 2):
            first = next((i for i, (s, e) in enumerate(paras) if s <= offset < e), None)
            assert ix.para(offset) == first
        for sentence in a.segmentation.sentences:
            inside = [t for t in a.timexes if sentence[0] <= t.start and t.end <= sentence[1]]
            assert ix.timexes_in(a, sentence) == inside


def test_paragraphs_out_of_order_are_read_in_order() -> None:
    a = _analyses()[0]
    assert a.segmentation is not None
    a.segmentation.paragraphs = [(10, 50), (0, 30), (40, 60)]  # overlapping: no bisection
    ix = _DocIndex(a)
    assert [ix.para(x) for x in (5, 15, 35, 45, 55, 70)] == [1, 0, 0, 0, 2, None]


def test_generic_actors_are_added_in_the_events_order() -> None:
    """The actors an event finds among common nouns are added source first, then target, in any
    process: a set's order would change with the hash seed, and a worker's output with it."""
    texts = (
        *TEXTS[1:2],
        "هاجم مسلحون دورية للجيش قرب الحدود فجر اليوم.",
        "أطلقت الشرطة النار على المتظاهرين قرب مبنى البرلمان مساء أمس.",
    )
    pairs = 0
    for text in texts:
        a = analyze(Document(raw=text, text=text, meta=DocumentMeta(fmt="text")))
        generic = [k for k in a.actors if k.startswith("generic:")]
        order: list[str] = []
        for e in a.events:
            order += [x for x in (*e.source, *e.target) if x in generic and x not in order]
        assert generic == order
        pairs += len(generic) >= 2
    assert pairs >= 3  # the order is put to the test
