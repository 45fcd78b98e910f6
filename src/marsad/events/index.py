"""What the event stage looks up in one document again and again, found once: the preposition
before a mention, the paragraph of an offset, a sentence's time expressions.

The preposition rules (:func:`_prep_at`, :func:`_prep_before`) live here beside the index that
caches them: the index is their fast path, and a test checks that both give the same answers.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from itertools import pairwise

from marsad.events.clauses import in_prepositional_phrase
from marsad.events.dating import _latest_publication_day, _narrative_in
from marsad.model import Analysis, Mention, TimeExpression
from marsad.places import PlaceHit, after_preposition, gazetteer
from marsad.text.normalize import normalize_word

TITLE_STARTS = "events.title_starts"  # Analysis.extras key: (end, actor) -> title span start


def _prep_before(doc: Analysis, m: Mention) -> str:
    """The preposition introducing a mention: an attached one (لروسيا) or the word before it; for
    a name after its title, the word before the title ("مع الرئيس التركي رجب طيب أردوغان": مع)."""
    i = m.start
    for t in doc.mentions:
        if t.end == m.end and t.start < i and t.actor == m.actor and t.rule == "title+name-span":
            i = t.start
            break
    return _prep_at(doc.text, i)


class _Unread:
    """The type of :data:`_UNREAD`: a value not read yet (None is a value: no date)."""


_UNREAD = _Unread()


class _DocIndex:
    """What the event stage looks up in one document again and again, found once.

    - :meth:`prep` is :func:`_prep_before`: the stage asks for the preposition of every
      argument after every trigger of a sentence (a few dozen times per mention in an article),
      and each question scanned all the document's mentions for a title before the name; here
      the titles are indexed by the end and the actor they share with their name, and each
      answer is kept;
    - :meth:`para` finds a paragraph by bisection instead of a scan;
    - the time expressions of a sentence, the paragraph's narrative day and the publication
      day are kept per sentence.

    The stage adds only generic mentions while it runs, never a title span, and changes neither
    the segmentation nor the time expressions, so the index stays true for the whole stage.
    """

    __slots__ = (
        "_after",
        "_in_phrase",
        "_memo",
        "_narrative",
        "_paras",
        "_places",
        "_published",
        "_starts",
        "_text",
        "_timexes",
        "_titles",
        "duals",
        "requested",
        "triggers",
    )

    def __init__(self, doc: Analysis) -> None:
        assert doc.segmentation is not None, "segment stage has not run"
        self._text = doc.text
        # (end, actor) -> starts of the title+name spans ending there, in doc.mentions order
        self._titles: dict[tuple[int, str], list[int]] = {}
        for t in doc.mentions:
            if t.rule == "title+name-span":
                self._titles.setdefault((t.end, t.actor), []).append(t.start)
        # the same spans for the argument helpers, which see the document but not the index
        # (see arguments._title_start); the stage removes it when it ends
        doc.extras[TITLE_STARTS] = {k: min(v) for k, v in self._titles.items()}
        self._memo: dict[tuple[int, int, str], str] = {}
        self._in_phrase: dict[int, bool] = {}
        paras = doc.segmentation.paragraphs
        self._paras = paras
        # bisection needs paragraphs in order and apart (what segment() makes); for any other
        # segmentation, para() reads them in order as the rules were written to
        ordered = all(a[0] <= a[1] <= b[0] for a, b in pairwise(paras))
        self._starts: list[int] | None = [p[0] for p in paras] if ordered else None
        self._timexes: dict[tuple[int, int], list[TimeExpression]] = {}
        self._narrative: dict[tuple[int, int], TimeExpression | None] = {}
        self._published: date | _Unread | None = _UNREAD
        # the document's cities and regions, and per set of prepositions which follow one
        self._places: list[PlaceHit] | None = None
        self._after: dict[frozenset[str] | None, list[bool]] = {}
        # normalized starts of the triggers of the sentence being read that a request asks for
        # (set by the stage per sentence; see extract._requested)
        self.requested: set[int] = set()
        # original (start, end) of every trigger of the sentence being read (set by the stage)
        self.triggers: list[tuple[int, int]] = []
        # whether the sentence being read holds a dual headword (الرئيسان، البلدين) at all
        self.duals = False

    def para(self, offset: int) -> int | None:
        """The index of the first paragraph holding ``offset``; None if none does."""
        paras = self._paras
        if self._starts is None:
            return next((i for i, (s, e) in enumerate(paras) if s <= offset < e), None)
        k = bisect_right(self._starts, offset) - 1
        return k if k >= 0 and offset < paras[k][1] else None

    def timexes_in(self, doc: Analysis, sentence: tuple[int, int]) -> list[TimeExpression]:
        """The time expressions inside ``sentence``, in the document's order."""
        got = self._timexes.get(sentence)
        if got is None:
            got = self._timexes[sentence] = [
                t for t in doc.timexes if sentence[0] <= t.start and t.end <= sentence[1]
            ]
        return got

    def places(
        self, doc: Analysis, start: int, end: int, preps: frozenset[str] | None = None
    ) -> list[PlaceHit]:
        """The cities and regions (``data/places``) named in ``doc.text[start:end]`` right after
        one of ``preps`` (see :func:`~marsad.places.after_preposition`); the document is read
        once, on first need, and each name's preposition once per set of prepositions."""
        if self._places is None:
            self._places = gazetteer().find(doc.norm)
            self._after = {}
        if not self._places:
            return []
        ok = self._after.get(preps)
        if ok is None:
            ok = self._after[preps] = [
                after_preposition(doc.text, p.start, preps) for p in self._places
            ]
        return [
            p
            for p, k in zip(self._places, ok, strict=True)
            if k and start <= p.start and p.end <= end
        ]

    def published(self, doc: Analysis) -> date | None:
        """:func:`_latest_publication_day`, read on first need (as the rule did) and kept."""
        if isinstance(self._published, _Unread):
            self._published = _latest_publication_day(doc)
        return self._published

    def narrative(
        self, doc: Analysis, k: int, before: int, published: date
    ) -> TimeExpression | None:
        """:func:`_narrative_in`, kept per (paragraph, sentence start): all the rule reads."""
        key = (k, before)
        if key in self._narrative:
            return self._narrative[key]
        got = self._narrative[key] = _narrative_in(doc, k, before, published)
        return got

    def in_phrase(self, start: int) -> bool:
        """:func:`in_prepositional_phrase` of the mention at ``start``, kept."""
        got = self._in_phrase.get(start)
        if got is None:
            got = self._in_phrase[start] = in_prepositional_phrase(self._text, start)
        return got

    def free(self, m: Mention) -> bool:
        """Whether ``m`` stands outside any prepositional phrase: no preposition attached to it or
        before it (:meth:`prep`), none heading the phrase it is in (:meth:`in_phrase`).  Only such
        an actor can be the subject of a clause."""
        return not self.prep(m) and not self.in_phrase(m.start)

    def prep(self, m: Mention) -> str:
        key = (m.start, m.end, m.actor)
        prep = self._memo.get(key)
        if prep is None:
            i = m.start
            for start in self._titles.get((m.end, m.actor), ()):
                if start < i:
                    i = start
                    break
            prep = self._memo[key] = _prep_at(self._text, i)
        return prep


# plural heads in construct with the states they stand for ("مع رؤساء روسيا وبيلاروس"): the
# preposition before the head governs the states
_PLURAL_HEADS = frozenset(
    normalize_word(w)
    for w in (
        "رؤساء", "قادة", "زعماء", "رئيسا", "رئيسي", "زعيما", "زعيمي", "وزراء", "وزيرا", "وزيري",
        "ممثلي", "ممثلو", "سفراء", "حكومات", "حكومتي", "دول", "بلدان", "شعوب",
    )
)  # fmt: skip


def _word_before(text: str, i: int) -> tuple[int, int]:
    """The span of the whitespace-delimited word before offset ``i`` (empty at the start)."""
    end = i
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start, end


def _prep_at(text: str, i: int, skip_head: bool = True) -> str:
    """The preposition attached to, or standing before, the word that begins at ``i`` (or before
    the plural head in construct with it)."""
    if skip_head:
        w_start, w_end = _word_before(text, i)
        head = normalize_word(text[w_start:w_end])
        if head in _PLURAL_HEADS:
            return _prep_at(text, w_start, skip_head=False)
        if head[:1] in ("ل", "ب") and head[1:] in _PLURAL_HEADS:
            return head[0]
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '،,؛;:"«»()':
        j -= 1
    attached = normalize_word(text[j:i])
    for p in ("وب", "ول", "فب", "فل", "ب", "ل", "ك"):
        if attached == p or attached == p + "ل" or attached == p + "ال":
            return p[-1] if p[-1] in "بلك" else p
    w0, k = _word_before(text, j)
    word = normalize_word(text[w0:k])
    for pre in ("و", "ف"):
        if word.startswith(pre) and word[1:] in (
            "الي",
            "مع",
            "علي",
            "ضد",
            "لدي",
            "بين",
            "في",
            "من",
            "عن",
        ):
            word = word[1:]
    return (
        word
        if word
        in ("الي", "مع", "علي", "ضد", "لدي", "بحق", "بين", "في", "من", "عن", "تجاه", "نحو", "قبل")
        else ""
    )
