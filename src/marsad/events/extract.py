"""Code who did what to whom, when and where, sentence by sentence.

For each trigger found in a sentence (a verb, a verbal noun, a participle or a
multiword phrase from the trigger file):

- **source**: for a verb, the actor right before it (SVO, and after إن/أن) or
  else the first actor after it that no preposition introduces (VSO); for a
  verbal noun, its genitive agent (زيارة بوتين) — or, when the noun carries a
  pronoun (زيارته), the last actor named before it; for a passive (تم + noun),
  the body after إلى / من قبل;
- **target**: the first actor after the source that a target preposition
  (إلى، ل، مع، على، ضد، لدى، بحق، ...) or no preposition introduces; "بين X وY"
  gives X and Y; a pronoun on a verb (استقبله) points back to the last actor;
- **status**: planned (سـ on the verb, سوف، من المقرر، يعتزم ...), negated
  (لم، لن، لا، غير، عدم، نفى ...), hypothetical (إذا، في حال، قد + present ...),
  else asserted;
- **date**: the temporal expression nearest the trigger in its sentence, else
  the recent day its paragraph has set (``narrative``), else the publication
  date at month precision (``date_basis`` says which);
- **place**: a place named after في in the sentence.

Acts of violence and protest (PLOVER ASSAULT and PROTEST) are read by
:func:`_contentious`, with rules of their own:

- their agent must be in the sentence: a named actor, or a common noun that
  stands for one (مسلحون، انتحاري، الشرطة، آلاف المتظاهرين — the generic actors
  of the modality file, with a state when an adjective names it: دبابة
  إسرائيلية); the weapon stands for unnamed attackers (انفجار سيارة مفخخة), a toll
  for unknown ones (قتل 28 شخصا); the fallbacks of diplomatic acts (the speaker,
  the actor named last) do not apply;
- a verbal noun whose construct complement is its victim (اغتيال الحريري) takes
  it as target, not as source;
- mentions that report no act are left out: a verbal noun framed as a matter
  under discussion (التحقيق في اغتيال، منذ التفجير), a relative clause (الذي اغتيل
  عام 1999), an imperfect verb of violence (يقتلون), a verbal noun of violence
  with neither a verb of taking place, a toll nor a time in its clause, an
  attack planned, feared or denied; for protests, acts of protesters met before
  (وهتف المتظاهرون), a state as the protester, a protest that did not happen.

One event per act per document: repeats (same actors, code and date) count once.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from marsad.actors.lexicon import get_lexicon as get_actor_lexicon
from marsad.events.clauses import in_prepositional_phrase, unaffiliated_source
from marsad.events.lexicon import (
    ActKind,
    EntryCues,
    EventLexicon,
    GenericGroup,
    TriggerEntry,
    TriggerForm,
    get_event_lexicon,
)
from marsad.events.venue import recode_hosted
from marsad.model import (
    Actor,
    Analysis,
    Event,
    Mention,
    Status,
    TimeExpression,
    argument_mentions,
    country_part,
)
from marsad.text.match import Hit, find_forms, find_forms_in_spans
from marsad.text.normalize import normalize_headword, normalize_word

_VERB_PREFIXES = frozenset({"", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"})
_NOUN_PREFIXES = frozenset(
    {
        "",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "ال",
        "وال",
        "بال",
        "لل",
        "فال",
        "كال",
        "وب",
        "ول",
        "فب",
        "فل",
        "وبال",
        "ولل",
    }
)
_ENCLITICS = frozenset({"", "ه", "ها", "هم", "هما", "هن", "نا", "كم", "ك", "ي", "ت"})
_DEFAULT_TARGET_PREPS = ("الي", "ل", "مع", "علي", "ضد", "لدي", "بحق", "تجاه", "نحو", "من")
_LOCATION_PREPS = ("في",)
_SVO_GAP = re.compile(r"^[\s\"'«»“”]*(?:(?:قد|لقد|فقد|ان|انه|بدوره|بدورها|بدورهم|،)\s*)*$")
_GEN_GAP_MAX_WORDS = 3
# between a counted crowd and its verb: "الآلاف من النيباليين قد خرجوا"
_CROWD_GAP = re.compile(r"^\s*من\s+\S+(?:\s+\S+)?\s*(?:(?:قد|لقد)\s*)?$")
# "X وY", "X، Y وZ", and "X ومعها Y" (X together with Y)
_COORDINATION = frozenset(
    {"و", "،", "، و", "،و", ",", ", و", "ومعه", "ومعها", "ومعهما", "ومعهم", "، ومعها", "، ومعهم"}
)
_REFINE_WINDOW = 6
_TARGETLESS_ROOTS = frozenset({"14", "15", "18", "19", "20"})
# a clause ends at a semicolon or colon, or at a comma before حيث, بينما, فيما, a relative, or و
# joined to a word that does not begin an actor's name (see :func:`_clause_end`)
_CLAUSE_BREAK = re.compile(
    r"[؛;:]|،\s*(?:(?:حيث|بينما|فيما|الذي|التي)(?![\u0621-\u064a])|و(?=[\u0621-\u064a]))"
)
# PLOVER categories whose acts are read by :func:`_contentious`
_ACT_KINDS: dict[str, ActKind] = {"ASSAULT": "violence", "PROTEST": "protest"}
# acts done to people: a crowd right after one of them is acted upon (اعتقلت عشرات المتظاهرين)
_DONE_TO_PEOPLE = frozenset({"ASSAULT", "COERCE"})
GENERIC_PREFIX = "generic:"  # ids of the actors made from common nouns (see modality.yaml)
# prepositions before a noun of people that make it an oblique, not the agent (ضد المتظاهرين)
_OBLIQUE = frozenset(
    {
        "علي",
        "ضد",
        "بين",
        "مع",
        "عن",
        "الي",
        "امام",
        "حول",
        "وسط",
        "صفوف",
        "تجاه",
        "نحو",
        "لدي",
        "في",
    }
)


@dataclass(slots=True)
class _Arg:
    mention: Mention
    prep: str  # normalized preposition introducing it ('' for none)


@dataclass(frozen=True, slots=True)
class _Generic:
    """A common noun of a sentence that may stand for an actor (مسلحون), with its group and the
    actor it stands for: the group's generic actor, or a state's when an adjective names one
    ("دبابة إسرائيلية", "بصاروخ روسي")."""

    mention: Mention
    group: GenericGroup
    actor: Actor
    definite: bool


def is_generic(actor_id: str) -> bool:
    """Whether an actor was made by the event stage from a common noun (مسلحون، الشرطة)."""
    return actor_id.startswith(GENERIC_PREFIX)


def _accept(prefix: str, suffix: str, t: TriggerForm) -> bool:
    if t.kind == "verb":
        return prefix in _VERB_PREFIXES and suffix in _ENCLITICS
    if t.kind == "phrase":
        return prefix in _NOUN_PREFIXES or prefix in _VERB_PREFIXES
    if t.construct:  # زيارته: the ت of ة before a pronoun, never a word by itself
        return prefix in _NOUN_PREFIXES and suffix != "" and suffix in _ENCLITICS
    return prefix in _NOUN_PREFIXES and suffix in _ENCLITICS


def events_stage(doc: Analysis) -> None:
    """Add the events the document reports (the pipeline stage)."""
    extract(doc, get_event_lexicon())


def extract(doc: Analysis, lex: EventLexicon) -> None:
    assert doc.segmentation is not None, "segment stage has not run"
    nz = doc.norm
    norm = nz.text
    seen: set[tuple[object, ...]] = set()
    mentions = [m for m in argument_mentions(doc) if not _own_outlet(doc, m)]
    starts = [m.start for m in mentions]
    ix = _DocIndex(doc)
    sentences = doc.segmentation.sentences
    spans = [nz.span_to_normalized(s, e) for s, e in sentences]
    # one pass of the automaton over the document, its hits shared out among the sentences
    found = find_forms_in_spans(lex.automaton(), norm, _accept, spans, original=nz)
    for (s, e), (ns, ne), hits in zip(sentences, spans, found, strict=True):
        if not hits:
            continue
        sent_mentions = _dedupe(_within(mentions, starts, s, e))
        names = [m for m in sent_mentions if m.end - m.start > 0]
        generic: list[_Generic] | None = None
        for h in hits:
            form = h.targets[0]
            if (
                form.kind == "verb"
                and h.suffix.startswith("ه")
                and nz.original[nz.to_original(h.end)] == "ة"
            ):
                continue  # وزارة is not و + زار + ه: a verb never ends in taa marbuta
            if _inside_a_name(doc, names, h):
                continue  # منظمة معاهدة الأمن الجماعي، مجلس التعاون: a word of a name, not an act
            entry = lex.triggers[form.entry]
            cues = lex.cues(entry)
            if not _context_ok(cues, norm, h, entry.requires_window):
                continue
            if entry.id in lex.words("framing") and _frames_next(lex, norm, h, hits):
                continue
            if _setting(lex, norm, h, hits):
                continue
            code = _refined_code(entry, cues, norm, h)
            kind = _ACT_KINDS.get(lex.code(code).plover)
            if kind is None:
                event = _event(doc, lex, entry, form, h, (s, e), sent_mentions, mentions, ix, code)
            else:
                if generic is None:
                    generic = _generic_mentions(doc, lex, (ns, ne), sent_mentions)
                event = _contentious(
                    doc,
                    lex,
                    entry,
                    form,
                    h,
                    (s, e),
                    sent_mentions,
                    mentions,
                    generic,
                    kind,
                    ix,
                    code,
                )
            if event is None:
                continue
            recode_hosted(doc, lex, event)
            key = (
                tuple(sorted(event.source)),
                tuple(sorted(event.target)),
                event.cameo[:3],
                event.date,
                event.status,
            )
            if key in seen:
                continue
            seen.add(key)
            doc.events.append(event)
            if generic:
                _register(doc, event, generic)


def _setting(
    lex: EventLexicon, norm: str, h: Hit[TriggerForm], hits: list[Hit[TriggerForm]]
) -> bool:
    """Whether ``h`` is a gathering named as the setting of an act told just before it ("التقى
    الزعيمان في قمة منظمة شنغهاي"، "اجتمعا على هامش المنتدى"): a meeting noun (CAMEO 04) after
    في / خلال / على هامش, with another act's trigger in the six words before."""
    if h.targets[0].kind != "noun" or lex.triggers[h.targets[0].entry].cameo[:2] != "04":
        return False
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 20) : h.wstart].split()[-2:]]
    if not before or not (before[-1] in _SETTING_PREPS or " ".join(before[-2:]) in _SETTING_PREPS):
        return False
    lo = norm.rfind(" ", 0, max(0, h.wstart - 1))
    for _ in range(6):
        lo = norm.rfind(" ", 0, max(0, lo))
    return any(max(0, lo) <= o.wstart and o.wend < h.wstart for o in hits)


_SETTING_PREPS = frozenset({"في", "خلال", "علي هامش", "هامش"})


def _frames_next(
    lex: EventLexicon, norm: str, h: Hit[TriggerForm], hits: list[Hit[TriggerForm]]
) -> bool:
    """Whether another act's trigger follows ``h`` within four words (see ``framing`` in the
    modality file): the intent is then that act's status, not an event of its own."""
    limit = h.wend
    for _ in range(4):
        nxt = norm.find(" ", limit + 1)
        limit = len(norm) if nxt < 0 else nxt
    return any(
        h.wend < o.wstart <= limit
        and lex.triggers[o.targets[0].entry].id != lex.triggers[h.targets[0].entry].id
        for o in hits
    )


def _register(doc: Analysis, event: Event, generic: list[_Generic]) -> None:
    """Record the actors an event found among common nouns, with their mentions in its sentence."""
    s, e = event.sentence
    # in the event's order, not a set's: a set of strings iterates in an order that changes with
    # the process's hash seed, and worker processes must add actors and mentions as one does
    for actor_id in dict.fromkeys([*event.source, *event.target]):
        mine = [g for g in generic if g.actor.id == actor_id and s <= g.mention.start < e]
        if not mine:
            continue
        doc.actors.setdefault(actor_id, mine[0].actor)
        doc.mentions.extend(g.mention for g in mine if g.mention not in doc.mentions)


def _generic_mentions(
    doc: Analysis, lex: EventLexicon, span: tuple[int, int], named: list[Mention]
) -> list[_Generic]:
    """The common nouns of a sentence that can stand for an actor, where no named actor is."""
    nz = doc.norm
    out: list[_Generic] = []
    for h in find_forms(lex.generic_automaton(), nz.text, _accept_generic, *span, original=nz):
        s, e = nz.span_to_original(h.mstart, h.end)
        if any(m.start < e and s < m.end for m in named):
            continue  # الشرطة العراقية is the Iraqi police, not police in general
        group = lex.generic[h.targets[0]]
        actor = Actor(GENERIC_PREFIX + group.id, "group", group.code, group.name, group.name_en)
        state = _nisba(nz.text, h.wend)
        if state is not None:
            country, _, end = state
            e = nz.span_to_original(h.wend, end)[1]
            actor = _state_actor(country, group)
        mention = Mention(s, e, actor.id, f"generic:{group.id}")
        out.append(_Generic(mention, group, actor, _definite(lex, nz.text, h)))
    return out


def _definite(lex: EventLexicon, norm: str, h: Hit[int]) -> bool:
    """A definite noun of people the sentence does not introduce: "المتظاهرون" (met before),
    not "آلاف المتظاهرين" or "الآلاف من المتظاهرين" (a crowd the sentence counts)."""
    quantity = lex.words("quantity", head=True)
    if not h.prefix.endswith("ال") or h.form in quantity:
        return False
    prev = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()[-2:]]
    if prev and prev[-1] == "من":
        prev = prev[:-1]
        if prev and prev[-1] == "عدد":
            return False  # "عدد من الشبان": some young men, introduced here
    return not (prev and (normalize_headword(prev[-1]) in quantity or prev[-1].isdigit()))


def _nisba(norm: str, i: int) -> tuple[str, int, int] | None:
    """The country a nisba adjective right after normalized offset ``i`` names ("دبابة
    إسرائيلية"), with the adjective's normalized span."""
    m = re.match(r"\s+(\S+)", norm[i : i + 40])
    if m is None:
        return None
    word = m.group(1).rstrip('.,،؛:»"')
    head = normalize_headword(word)
    for t in get_actor_lexicon().forms.get(head, ()):
        if t.type == "demonym":
            return t.key, i + m.start(1), i + m.start(1) + len(word)
    return None


def _nisba_pair(doc: Analysis, h: Hit[TriggerForm]) -> tuple[str, str] | None:
    """Two states named by the two nisba adjectives right after a trigger (التعاون الروسي
    التركي), as state actors of the document; None unless both are there and differ."""
    first = _nisba(doc.norm.text, h.wend)
    if first is None:
        return None
    second = _nisba(doc.norm.text, first[2])
    if second is None or second[0] == first[0]:
        return None
    for code in (first[0], second[0]):
        if code not in doc.actors:
            doc.actors[code] = get_actor_lexicon().actor(code)
    return first[0], second[0]


# the pseudo-group of a state named by a nisba adjective after a verbal noun ("غارة إسرائيلية")
_STATE = GenericGroup(
    id="state", name="دولة", name_en="a state named by an adjective", code="---", forms=[]
)


# the authors of an act reported only by its toll
_UNKNOWN = GenericGroup(id="unknown", name="مجهولون", name_en="unidentified", code="---", forms=[])


def _counted(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A count of people next to the trigger ("قتل 28 شخصا"، "سبعة أشخاص قتلوا"، "مقتل ثلاثة")."""
    quantity = lex.words("quantity", head=True)
    near = (
        norm[max(0, h.wstart - 40) : h.wstart].split()[-2:] + norm[h.wend : h.wend + 40].split()[:2]
    )
    return any(
        any(ch.isdigit() for ch in w) or normalize_headword(_unwaw(w)) in quantity for w in near
    )


def _state_actor(country: str, group: GenericGroup) -> Actor:
    """The actor a generic noun stands for once an adjective names its state."""
    sector = group.code[3:]
    state = get_actor_lexicon().actor(country)
    if not sector:
        return state  # صاروخ روسي: Russia
    return Actor(
        f"{country.lower()}_{group.id}",
        "group",
        country + sector,
        f"{group.name} ({state.name})",
        f"{group.name_en} of {state.name_en or country}",
    )


def _accept_generic(prefix: str, suffix: str, _: int) -> bool:
    return prefix in _NOUN_PREFIXES and suffix in ("", "ه", "ها", "هم")  # قواته: its forces


def _dedupe(ms: list[Mention]) -> list[Mention]:
    """Drop mentions nested in another (the body inside a title phrase)."""
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


def _within(mentions: list[Mention], starts: list[int], s: int, e: int) -> list[Mention]:
    """The mentions inside ``[s, e)``, in order: ``mentions`` is sorted by start and ``starts``
    holds their starts, so the sentence's share is found by bisection, not by a scan of all."""
    out: list[Mention] = []
    for i in range(bisect_left(starts, s), len(mentions)):
        m = mentions[i]
        if m.start > e:
            break
        if m.end <= e:
            out.append(m)
    return out


def _window(norm: str, h: Hit[TriggerForm], n: int, after: bool) -> list[str]:
    """Up to ``n`` words after (or before) the trigger's word, read from a bounded slice of text."""
    span = 40 * (n + 1)
    if after:
        return norm[h.wend : h.wend + span].split()[:n]
    return norm[max(0, h.wstart - span) : h.wstart].split()[-n:]


def _context_ok(cues: EntryCues, norm: str, h: Hit[TriggerForm], requires_window: int) -> bool:
    if cues.requires:
        near = " ".join(_window(norm, h, requires_window, True))
        if not any(map(near.__contains__, cues.requires)):
            return False
    if cues.excludes:
        near = " ".join(_window(norm, h, 3, True) + _window(norm, h, 3, False))
        if any(map(near.__contains__, cues.excludes)):
            return False
    return True


def _refined_code(entry: TriggerEntry, cues: EntryCues, norm: str, h: Hit[TriggerForm]) -> str:
    # six words reach past a VSO subject and a titled object (دعا علييف نظيره الروسي فلاديمير
    # بوتين لزيارة) to the word that says what was asked
    if not cues.refine:
        return entry.cameo
    near = " ".join(_window(norm, h, _REFINE_WINDOW, True))
    for cue, cameo in cues.refine:
        if any(map(near.__contains__, cue)):
            return cameo
    return entry.cameo


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
        "_in_phrase",
        "_memo",
        "_narrative",
        "_paras",
        "_published",
        "_starts",
        "_text",
        "_timexes",
        "_titles",
    )

    def __init__(self, doc: Analysis) -> None:
        assert doc.segmentation is not None, "segment stage has not run"
        self._text = doc.text
        # (end, actor) -> starts of the title+name spans ending there, in doc.mentions order
        self._titles: dict[tuple[int, str], list[int]] = {}
        for t in doc.mentions:
            if t.rule == "title+name-span":
                self._titles.setdefault((t.end, t.actor), []).append(t.start)
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


def _event(
    doc: Analysis,
    lex: EventLexicon,
    entry: TriggerEntry,
    form: TriggerForm,
    h: Hit[TriggerForm],
    sentence: tuple[int, int],
    sent_mentions: list[Mention],
    all_mentions: list[Mention],
    ix: _DocIndex,
    code: str,
) -> Event | None:
    nz = doc.norm
    ts, te = nz.span_to_original(h.wstart, h.wend)
    text = doc.text
    cues = lex.cues(entry)
    before = [m for m in sent_mentions if m.end <= ts]
    after = [_Arg(m, ix.prep(m)) for m in sent_mentions if m.start >= te]
    # stay in the trigger's clause
    clause_end = _clause_end(doc, te, sentence[1], sent_mentions)
    after_in_clause = [a for a in after if a.mention.start < clause_end]
    source: list[str] = []
    target: list[str] = []
    rule = f"trigger:{entry.id}:{form.kind}"
    # a pronoun on the trigger, or one the trigger phrase is written with (كان في استقباله)
    pronoun = h.suffix in ("ه", "ها", "هم", "هما") or (
        form.kind == "phrase" and h.form.endswith(("له", "لها", "لهم", "بها", "به", "ته", "تها"))
    )
    pair = _nisba_pair(doc, h) if entry.symmetric and form.kind in ("noun", "phrase") else None
    if pair is not None:
        # "التعاون الروسي التركي"، "العلاقات الروسية الأذربيجانية": two nisba adjectives name the
        # two sides of a relation noun
        source, target = [pair[0]], [pair[1]]
        rule += ":nisba-pair"
    # symmetric "بين X وY"
    elif (
        entry.symmetric
        and after_in_clause
        and after_in_clause[0].prep == "بين"
        and len(after_in_clause) >= 2
    ):
        source = [after_in_clause[0].mention.actor]
        target = [after_in_clause[1].mention.actor]
        rule += ":between"
    elif (pair := _dual(doc, lex, h, all_mentions, ts)) is not None:
        source, target = [pair[0]], [pair[1]]
        rule += ":dual"
    else:
        subject: Mention | None = None
        quoted = _quote_around(doc, ts)
        if quoted is not None and form.kind == "verb" and _first_person(nz.text, h):
            subject = quoted  # «نحن ندعم …»: the speaker acts
            rule += ":speaker-first-person"
        if subject is None and form.kind in ("verb", "phrase") and _dual_verb(cues, h):
            # "أجرى رئيسا بيلاروس وطاجيكستان لقاء ... وتحدثا هاتفيا مع علييف": a dual verb goes on
            # with the pair (or list) coordinated last before it
            subject = _last_list(doc, sent_mentions, ts)
            if subject is not None:
                rule += ":dual-verb"
        governed = form.kind == "noun" and _governed(lex, nz.text, h)
        if subject is None and governed:
            # "حاولت أذربيجان استفزاز فرنسا"، "فتحت باكو حدودها لإجلاء المواطنين": the noun's agent is the
            # main clause's subject, and the actor in construct with it is the one acted upon
            gen = _genitive(doc, te, after_in_clause)
            bare = [m for m in before if not ix.prep(m)]
            free = [m for m in bare if not ix.in_phrase(m.start)]
            if bare:
                subject = (free or bare)[-1]
                rule += ":governed"
                if gen is not None and _cc(doc, gen.mention.actor) != _cc(doc, subject.actor):
                    target = [gen.mention.actor]
        if subject is None and form.kind in ("noun", "phrase") and not _passive(nz.text, h):
            gen = _genitive(doc, te, after_in_clause)
            if gen is not None and entry.patient_genitive and not target:
                # "استدعاء السفير"، "اعتقال مواطنين روس": the construct complement is acted upon;
                # the agent is found as for a verb (before it, the speaker, the actor named last)
                target = _conjuncts(doc, sent_mentions, gen.mention, clause_end)
                rule += ":patient-genitive"
            elif (
                gen is not None
                and entry.cameo == _VISIT
                and doc.actors[gen.mention.actor].kind == "country"
                and not target
                and len(text[te : gen.mention.start].split()) <= 1
                and not _in_title_span(doc, gen.mention)
            ):
                # "زيارة موسكو": a place in construct with a visit is where it goes; the visitor is
                # named before, or as the subject of the clause that follows ("بعد زيارة موسكو،
                # سافر فلان إلى باكو")
                target = [gen.mention.actor]
                rule += ":destination"
                subject = _visitor(doc, ix, before, sent_mentions, te, gen.mention)
            elif gen is not None:
                subject = _titled(doc, sent_mentions, gen.mention)
                rule += ":genitive"
                if pronoun and before:  # "في استقباله X": X hosts, the pronoun is the guest
                    # the guest comes from elsewhere: not the host's state (باكو), a person first
                    own_cc = _cc(doc, subject.actor)
                    guests = [m for m in before if _cc(doc, m.actor) != own_cc]
                    persons = [m for m in guests if doc.actors[m.actor].kind == "person"]
                    if guests:
                        target = [(persons or guests)[-1].actor]
            elif pronoun and before:
                subject = before[-1]
                rule += ":pronoun"
        # a trigger phrase that is a definite noun phrase (الحشد العسكري) takes its arguments as a
        # noun does, not as a verb with a subject before or after it
        nounish = form.kind == "noun" or (form.kind == "phrase" and h.form.startswith("ال"))
        if subject is None and not nounish:
            if (
                before
                and _SVO_GAP.match(normalize_word(text[before[-1].end : ts]) + " ")
                and not (ix.prep(before[-1]) or ix.in_phrase(before[-1].start))
            ):
                # an actor inside a prepositional phrase ("مع الرئيس الروسي فلاديمير بوتين، سافر")
                # is no subject, however close; the last of a list brings the whole list
                subject = _list_opening(doc, sent_mentions, before[-1], ix)
                rule += ":svo"
            else:
                for a in after_in_clause:
                    if a.prep == "":
                        subject = a.mention
                        rule += ":vso"
                        break
                topic = _topic_after_auxiliary(doc, ix, lex, h, before, all_mentions, sentence)
                if topic is not None and subject is not None and not target:
                    # "... ابتعدت أذربيجان عن روسيا. أصبحت تدعم أوكرانيا": after a sentence-initial
                    # auxiliary the subject is the previous sentence's; the state after is the object
                    target = [subject.actor]
                    subject = topic
                    rule = rule.removesuffix(":vso") + ":topic"
                shared = _shared_subject(doc, ix, h, before, text, ts)
                if (
                    shared is not None
                    and subject is not None
                    and not target
                    and doc.actors[subject.actor].kind != "person"
                ):
                    # "وتابعت زاخاروفا ...، ودعت باكو إلى": a verb joined by و after a comma goes
                    # on with the person who is the subject of the sentence; the state after it
                    # is its object
                    target = [subject.actor]
                    subject = shared
                    rule = rule.removesuffix(":vso") + ":shared-subject"
        if subject is None and form.kind == "noun" and _passive(nz.text, h):
            for a in after_in_clause:
                # "تم استدعاء السفير إلى الخارجية الروسية"، "من قبل الشرطة": not a bare من, which
                # names an origin or a part ("من بينهم أذربيجانيون من أصل روسي")
                if a.prep in ("الي", "قبل"):
                    subject = a.mention
                    rule += ":passive-agent"
                    break
        if form.kind == "noun" and _passive(nz.text, h) and not target:
            # "تم استدعاء السفير الأذربيجاني": after تم the construct complement is acted upon
            gen = _genitive(doc, te, after_in_clause)
            if gen is not None and (subject is None or gen.mention.start < subject.start):
                target = _conjuncts(doc, sent_mentions, gen.mention, clause_end)
                rule += ":passive-patient"
        if (
            subject is None
            and form.kind in ("noun", "phrase")
            and "ل" not in cues.target_preps
            and entry.cameo[:2] not in ("18", "19", "20")
            and not entry.patient_genitive  # "الاعتقالات للصحفيين": ل marks who is arrested
        ):
            # "الحشد العسكري والتدريبات الجوية لأذربيجان": a state after ل a few words on owns
            # the act (for a visit, ل marks where it goes instead)
            for a in after_in_clause[:1]:
                if a.prep == "ل" and len(text[te : a.mention.start].split()) <= 4:
                    subject = a.mention
                    rule += ":possessive-l"
        if subject is None and form.kind in ("noun", "phrase"):
            # "الأفعال العدائية من جانب باكو والاعتقالات للصحفيين"، "اعتقالات من قبل الشرطة": an
            # agent phrase close before or after the noun names who acts
            phrases = lex.words("agent_phrases") | lex.words("side_phrases")
            near = [
                m
                for m in sent_mentions
                if (ts - 60 <= m.start < ts or te <= m.start < clause_end)
                and len(text[min(m.end, ts) : max(m.start, te)].split()) <= 6
                and (_agent_phrase(doc, m, phrases) or _side_of(doc, m, phrases))
            ]
            if near:
                subject = min(near, key=lambda m: abs(m.start - ts))
                rule += ":agent-phrase"
        if subject is None and form.kind in ("noun", "phrase"):
            issued = _issuer(doc, text, te, clause_end, after_in_clause)
            if issued is not None:
                # "مذكرة الاعتقال الصادرة بحقه من المحكمة الجنائية الدولية": the issuer acts, the
                # one "بحقه" points to is acted upon
                subject, against = issued
                rule += ":issuer"
                if against and not target:
                    persons = [m for m in before if doc.actors[m.actor].kind == "person"]
                    if persons:
                        target = [persons[0].actor]
        # an explosion or a crash names no one by itself: the fallbacks below hold for verbal
        # and diplomatic acts, not for violence (roots 18-20), whose agent must be in the clause
        violent = entry.cameo[:2] in ("18", "19", "20")
        if subject is None and ":patient-genitive" in rule and entry.cameo[:2] == "17":
            # "إغلاق البيت الروسي في باكو"، "اعتقال صحفيين في روسيا": with no agent named, a
            # coercive act is the doing of the state where it happens
            place = next(
                (
                    a.mention
                    for a in after_in_clause
                    if a.prep == "في" and doc.actors[a.mention.actor].kind == "country"
                ),
                None,
            )
            if place is not None:
                subject = place
                rule += ":territorial"
        if subject is None and quoted is not None and not violent:
            subject = quoted
            rule += ":speaker"
        if subject is None and before and not violent:
            # the actor named last, or the whole list it closes ("أجرى رئيسا بيلاروس وطاجيكستان،
            # فلان وفلان، لقاء"); one inside a prepositional phrase ("في مكتب وكالة ...") is a
            # place or a possessor, so the last one outside such a phrase comes first
            free = [m for m in before if not ix.prep(m) and not ix.in_phrase(m.start)]
            subject = _list_opening(doc, sent_mentions, (free or before)[-1], ix)
            rule += ":nearest-before"
        # a verbal noun with no actor in its own sentence names a topic (العقوبات، الرحلة), not
        # a report whose agent the sentence before would give: only verbs reach back
        if subject is None and not violent and form.kind not in ("noun", "phrase"):
            prev = [m for m in all_mentions if m.end <= sentence[0]]
            if prev:
                subject = prev[-1]
                rule += ":previous-sentence"
        if subject is None and not violent and form.kind == "noun" and pronoun:
            # "رحلته إلى ...": the possessive names the person talked about just before
            persons = [
                m
                for m in all_mentions
                if m.end <= sentence[0] and doc.actors[m.actor].kind == "person"
            ]
            if persons and ix.para(persons[-1].start) in (ix.para(ts), (ix.para(ts) or 0) - 1):
                subject = persons[-1]
                rule += ":possessor"
        group = _group_subject(doc, lex, h, all_mentions, sentence)
        if group is not None and (subject is None or _genitive(doc, te, after_in_clause)):
            # "حرص الجميع على دعوة رؤساء X وY": the gathering acts, the construct list is acted upon
            gen = _genitive(doc, te, after_in_clause)
            if subject is not None and gen is not None and subject is gen.mention:
                target = [
                    x
                    for x in _conjuncts(doc, sent_mentions, gen.mention, clause_end)
                    if x not in group
                ]
            source = group
            rule += ":group"
        elif subject is None:
            return None
        else:
            source = _conjuncts(
                doc, sent_mentions, subject, ts if subject.start < ts else clause_end
            )
            if len(source) > 1:
                rule += ":coordinated"
        if subject is None:
            subject = Mention(ts, ts, source[0], "group")
        wanted = cues.target_preps or _DEFAULT_TARGET_PREPS
        candidates = [
            a
            for a in after_in_clause
            if (a.mention.start > subject.start or subject.start < ts)
            and a.mention.actor not in source[1:]
        ]
        own = _cc(doc, subject.actor)
        sides = {_cc(doc, x) for x in source}
        if (
            entry.symmetric
            and len(source) > 1
            and not target
            and all(_cc(doc, a.mention.actor) in sides for a in candidates)
        ):
            # "التقى بوتين وعلييف": a symmetric act between the coordinated parties (other states)
            first_cc = _cc(doc, source[0])
            source, target = source[:1], [x for x in source[1:] if _cc(doc, x) != first_cc]
        for a in candidates if not target else []:
            if a.mention is subject or _cc(doc, a.mention.actor) == own:
                continue
            if a.prep in _LOCATION_PREPS:
                continue
            if a.prep in wanted or (a.prep == "" and form.kind in ("verb", "noun")):
                target = [a.mention.actor]
                # coordinated targets: "X وY"
                idx = after_in_clause.index(a)
                for b in after_in_clause[idx + 1 :]:
                    # a conjunct may open with its title: "كارتافوخ ورئيس التحرير التنفيذي بيلوسوف"
                    gap = normalize_word(text[a.mention.end : _title_start(doc, b.mention)])
                    if (
                        gap in _COORDINATION
                        and b.mention.actor not in target
                        and b.mention.actor != subject.actor
                    ):
                        target.append(b.mention.actor)
                        a = b
                    else:
                        break
                break
        if not target and h.suffix in ("ه", "ها", "هم") and form.kind == "verb" and before:
            cands = [m for m in before if _cc(doc, m.actor) != own]
            if cands:
                target = [cands[-1].actor]
                rule += ":pronoun-object"
        if not target:
            other = _context_target(doc, all_mentions, ts, own, ix)
            if other is not None:
                target = [other]
                rule += ":context-target"
    if (
        entry.cameo[:2] in _HOSTILE_ROOTS
        and (":nearest-before" in rule or ":speaker" in rule)
        and target
        and {_cc(doc, a) for a in source} == {_cc(doc, a) for a in target}
    ):
        # a hostile act whose agent is only the actor named last or the speaker, and is of the
        # same state as its target (a spokesman commenting on his ambassador's summons): the
        # guess is wrong, and the act is left uncoded rather than coded as a domestic one
        return None
    sides = {_cc(doc, a) for a in source}
    if target and all(_cc(doc, a) in sides for a in target) and len(sides) > 1:
        # a list acting on one of its own members names no target; a symmetric act is between them
        # (its other states: "رئيسا بيلاروس وطاجيكستان، لوكاشينكو وراحمون" is two sides, not four)
        first = _cc(doc, source[0])
        others = [x for x in source[1:] if _cc(doc, x) != first]
        source, target = (source[:1], others) if entry.symmetric else (source, [])
        rule = rule.replace(":context-target", "")
    if source == target:
        return None
    if unaffiliated_source([_cc(doc, a) for a in source]):
        return None
    if not target and entry.cameo[:2] not in _TARGETLESS_ROOTS:
        return None
    return _finish(doc, lex, h, sentence, source, target, rule, after, code, ix)


def _finish(
    doc: Analysis,
    lex: EventLexicon,
    h: Hit[TriggerForm],
    sentence: tuple[int, int],
    source: list[str],
    target: list[str],
    rule: str,
    after: list[_Arg],
    code: str,
    ix: _DocIndex,
) -> Event:
    """The event once its actors are known: code (refined by the caller), status, date and place."""
    norm = doc.norm.text
    ts, te = doc.norm.span_to_original(h.wstart, h.wend)
    cameo = lex.code(code)
    status = _status(lex, norm, h)
    if status == "asserted" and doc.text[sentence[0] : sentence[1]].rstrip().endswith(("؟", "?")):
        # "كيف يمكن لموسكو المساعدة في المصالحة؟": a question asserts none of the acts it names
        status = "hypothetical"
        rule += ":question"
    if (
        status == "planned"
        and h.targets[0].kind == "verb"
        and "س" in h.prefix  # the verb's own future (ستدعم), not a planned setting around it
        and code[:2] in _PROMISE_CODES
        and code[:3] not in _NOT_PROMISES
    ):
        # "ستدعم روسيا …"، "سنقدم المساعدة": a promise of cooperation or aid is, in CAMEO, an
        # expressed intent (03x), and the statement itself has been made
        code, status = _PROMISE_CODES[code[:2]], "asserted"
        cameo = lex.code(code)
        rule += ":promise"
    when, basis, dspan = _date(doc, ts, sentence, ix, status)
    if basis == "publication" and _is_reference(lex, norm, h):
        when, basis, rule = None, None, rule + ":reference"
    location = _location(doc, sentence, after)
    return Event(
        sentence=sentence,
        trigger=(ts, te),
        source=source,
        target=target,
        cameo=code,
        plover=cameo.plover,
        goldstein=cameo.goldstein,
        quad=cameo.quad,
        status=status,
        rule=rule,
        date=when,
        date_basis=basis,
        date_span=dspan,
        location=location,
    )


def _contentious(
    doc: Analysis,
    lex: EventLexicon,
    entry: TriggerEntry,
    form: TriggerForm,
    h: Hit[TriggerForm],
    sentence: tuple[int, int],
    named: list[Mention],
    all_mentions: list[Mention],
    generic: list[_Generic],
    kind: ActKind,
    ix: _DocIndex,
    code: str,
) -> Event | None:
    """An act of violence or protest: who did it must be in the sentence, named or not.

    Such acts are reported with agents no lexicon names (مسلحون، انتحاري، متظاهرون، الشرطة), and
    often as background to something else (التحقيق في اغتيال، منذ اغتيال); so the fallbacks of
    diplomatic acts (the speaker, the actor named last, the other party of the passage) do not
    hold here, and a verbal noun framed as a matter under discussion is not a report.
    """
    nz = doc.norm
    norm = nz.text
    text = doc.text
    ts, te = nz.span_to_original(h.wstart, h.wend)
    fkind = form.kind
    cues = lex.cues(entry)
    if fkind == "verb" and _masdar(lex, norm, h, cues):
        fkind = "noun"  # "في قضية خطف إمام"، "بسبب قتل المدنيين": the verbal noun, not the verb
    if _not_a_report(lex, norm, h, cues, fkind, kind, te, named):
        return None
    agents = {g.mention.start for g in generic if kind in g.group.agent_of}
    patients = {g.mention.start for g in generic if kind in g.group.target_of}
    pool = _dedupe(
        sorted(
            [*named, *(g.mention for g in generic if g.mention.start in agents | patients)],
            key=lambda m: (m.start, -m.end),
        )
    )

    common = {g.mention.start for g in generic}
    quantity = lex.words("quantity", head=True)
    crowds = {
        g.mention.start
        for g in generic
        if normalize_headword(normalize_word(text[g.mention.start : g.mention.end])) in quantity
    }

    def can_act(m: Mention) -> bool:
        return m.start not in common or m.start in agents

    def can_undergo(m: Mention) -> bool:
        return m.start not in common or m.start in patients

    clause_end = _clause_end(doc, te, sentence[1], pool)
    before = [m for m in pool if m.end <= ts]
    after = [_Arg(m, ix.prep(m)) for m in pool if te <= m.start < clause_end]
    rule = f"trigger:{entry.id}:{fkind}"
    passive = fkind == "verb" and h.form in cues.passive
    subject: Mention | None = None
    target: list[str] = []
    if entry.symmetric and len(after) >= 2 and after[0].prep == "بين":
        subject, target = after[0].mention, [after[1].mention.actor]
        rule += ":between"
    elif fkind in ("participle", "phrase"):
        # متظاهرون، مسلحون، انتحاري name their agent, when they stand as one; so do phrases
        # that hold it ("خرج المتظاهرون"، "سيارة مفخخة")
        if fkind == "participle" and not _agent_position(lex, norm, h, kind):
            return None
        subject = next((m for m in pool if m.start < te and ts < m.end and can_act(m)), None)
        if subject is not None:
            rule += ":inner-agent"
    if subject is None and not target and fkind in ("noun", "phrase"):
        gen = _genitive(doc, te, after)
        if gen is not None and _OBLIQUE & {
            _unwaw(w) for w in normalize_word(text[te : gen.mention.start]).split()
        }:
            gen = None  # "خرجوا في مسيرات في العاصمة كاتماندو": a place, not the agent
        if gen is not None and entry.patient_genitive and fkind == "noun":
            if can_undergo(gen.mention):
                target = [gen.mention.actor]
                rule += ":patient"
        elif gen is not None and can_act(gen.mention):
            subject = gen.mention
            rule += ":genitive"
        elif h.suffix in ("ه", "ها", "هم", "هما") and not entry.patient_genitive:
            named_before = [m for m in before if not is_generic(m.actor)]
            if named_before:
                subject = named_before[-1]
                rule += ":pronoun"
    if subject is None and fkind != "noun" and not passive:
        last = before[-1] if before else None
        if (
            last is not None
            and can_act(last)
            and (
                _SVO_GAP.match(normalize_word(text[last.end : ts]) + " ")
                or (last.start in crowds and _CROWD_GAP.match(normalize_word(text[last.end : ts])))
            )
        ):
            subject = last
            rule += ":svo"
        else:
            subject = next((a.mention for a in after if a.prep == "" and can_act(a.mention)), None)
            if subject is not None:
                rule += ":vso"
    if subject is None and fkind == "noun" and _governed(lex, norm, h, purpose=False):
        bare = [m for m in before if not ix.prep(m) and can_act(m)]
        if bare:
            subject = bare[-1]
            rule += ":governed"
    if subject is None:
        phrases = lex.words("agent_phrases")
        subject = next(
            (
                a.mention
                for a in after
                if can_act(a.mention) and _agent_phrase(doc, a.mention, phrases)
            ),
            None,
        )
        if subject is not None:
            rule += ":agent-phrase"
    if subject is None and fkind == "noun" and _passive(norm, h):
        subject = next((a.mention for a in after if a.prep in ("الي", "قبل", "من")), None)
        if subject is not None:
            rule += ":passive-agent"
    if subject is None and fkind in ("noun", "phrase") and (fkind == "noun" or lex.nominal(h.form)):
        # "ضربة جوية أميركية"، "العملية العسكرية الأذربيجانية": the adjective names the state
        state = _nisba(norm, h.wend)
        if state is not None:
            country, start, end = state
            a0, a1 = nz.span_to_original(start, end)
            actor = get_actor_lexicon().actor(country)
            by = _Generic(Mention(a0, a1, actor.id, "nisba"), _STATE, actor, False)
            generic.append(by)
            subject = by.mention
            rule += ":nisba"
    if (
        subject is None
        and kind == "protest"
        and fkind in ("noun", "phrase")
        and not h.prefix.endswith("ال")
        and _occurs(lex, norm, h)
    ):
        # "خرجت مظاهرة"، "مظاهرة عنيفة اندلعت": the protest took place; its crowd goes unnamed
        group = next(g for g in lex.generic if g.id == "protesters")
        crowd = _Generic(
            Mention(ts, te, GENERIC_PREFIX + group.id, "generic:protest-noun"),
            group,
            Actor(GENERIC_PREFIX + group.id, "group", group.code, group.name, group.name_en),
            False,
        )
        generic.append(crowd)
        subject = crowd.mention
        rule += ":occurrence"
    if subject is None:
        # the weapon names the attack's unnamed authors: "قتل خمسة في انفجار سيارة مفخخة"
        lo, hi = _clause(text, sentence, ts, te)
        means = [
            g.mention
            for g in generic
            if g.group.instrument and kind in g.group.agent_of and lo <= g.mention.start < hi
        ]
        if means:
            subject = min(means, key=lambda m: abs(m.start - ts))
            rule += ":instrument"
    if subject is None and entry.agentless and _counted(lex, norm, h):
        # "قتل 28 شخصا"، "مقتل سبعة أشخاص": the toll reports the act though its authors go unnamed
        unknown = _Generic(
            Mention(ts, te, GENERIC_PREFIX + _UNKNOWN.id, "generic:unknown"),
            _UNKNOWN,
            Actor(GENERIC_PREFIX + _UNKNOWN.id, "group", "---", _UNKNOWN.name, _UNKNOWN.name_en),
            False,
        )
        generic.append(unknown)
        subject = unknown.mention
        rule += ":agentless"
    if subject is None:
        return None
    nominal = fkind in ("noun", "participle") or (fkind == "phrase" and lex.nominal(h.form))
    if kind == "violence" and nominal and not _anchored(lex, text, sentence, ts, te):
        return None  # "التفجيرات الانتحارية ظاهرة حديثة": violence talked about, not reported
    if kind == "protest" and any(g.mention == subject and g.definite for g in generic):
        # "وهتف المتظاهرون": the protesters were met before; this tells how the protest went
        return None
    if kind == "protest" and not _can_protest(doc, generic, subject):
        return None  # a state protests by note or summons (coded elsewhere), not in the street
    source = [subject.actor]
    own = _party(doc, generic, subject.actor)
    if not target:
        if passive:
            patient = before[-1] if before and before[-1] is not subject else None
            if patient is None:
                patient = next((a.mention for a in after if a.prep == ""), None)
            if patient is not None and can_undergo(patient) and patient is not subject:
                target = [patient.actor]
                rule += ":passive-patient"
        else:
            wanted = cues.target_preps or _DEFAULT_TARGET_PREPS
            for i, a in enumerate(after):
                if a.mention is subject or (a.mention.start < subject.start and subject.start > ts):
                    continue
                if _party(doc, generic, a.mention.actor) == own or not can_undergo(a.mention):
                    continue
                if a.prep in _LOCATION_PREPS or a.prep not in (*wanted, ""):
                    continue
                if a.prep == "" and fkind not in ("verb", "noun", "phrase"):
                    continue
                target = [a.mention.actor]
                for b in after[i + 1 :]:
                    gap = normalize_word(text[a.mention.end : b.mention.start])
                    if gap in _COORDINATION and b.mention.actor not in (*target, subject.actor):
                        target.append(b.mention.actor)
                        a = b
                    else:
                        break
                break
        if not target and h.suffix in ("ه", "ها", "هم") and fkind == "verb":
            cands = [m for m in before if not is_generic(m.actor)]
            if cands and _party(doc, generic, cands[-1].actor) != own:
                target = [cands[-1].actor]
                rule += ":pronoun-object"
        if not target and not is_generic(subject.actor):
            other = _context_target(doc, all_mentions, ts, own, ix)
            if other is not None:
                target = [other]
                rule += ":context-target"
    if source == target:
        return None
    event = _finish(doc, lex, h, sentence, source, target, rule, after, code, ix)
    if event.status == "asserted" and text[sentence[0] : sentence[1]].rstrip().endswith(("؟", "?")):
        event.status = "hypothetical"  # a question asserts nothing: "هل اغتالت إسرائيل ...؟"
    if kind == "violence" and event.status != "asserted":
        return None  # an attack planned, feared or denied is a threat or a claim, not an attack
    if kind == "protest" and event.status in ("negated", "hypothetical"):
        return None  # a protest that did not or might happen (one announced stays, as planned)
    return event


def _masdar(lex: EventLexicon, norm: str, h: Hit[TriggerForm], cues: EntryCues) -> bool:
    """A bare verb form that is here its verbal noun (قتل، خطف، قصف share their spelling):
    after a preposition, with ب or ل glued to it, or in construct after a noun of events."""
    if not cues.masdar or h.form not in cues.masdar:
        return False
    if any(c in "لب" for c in h.prefix):
        return True
    prev = [_unwaw(w) for w in norm[max(0, h.wstart - 30) : h.wstart].split()[-1:]]
    return bool(prev) and prev[0] in lex.words("masdar_before")


_CLAUSE_EDGE = re.compile(
    r"[؛;:«»\"()]|،\s*(?:و|حيث|بينما|فيما|الذي|التي|لكن|غير)|\s(?:عندما|حين|حينما|بينما|فيما|حيث|لكن)\s"
)


def _clause(text: str, sentence: tuple[int, int], ts: int, te: int) -> tuple[int, int]:
    """The clause of a trigger: the sentence cut at clause breaks (؛ ، و ... عندما، حيث، بينما)."""
    lo, hi = sentence
    for m in _CLAUSE_EDGE.finditer(text, sentence[0], sentence[1]):
        if m.end() <= ts:
            lo = m.end()
        elif m.start() >= te:
            hi = m.start()
            break
    return lo, hi


_RELATIVE = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين", "اللواتي", "اللذان", "اللتان"})


def _not_a_report(
    lex: EventLexicon,
    norm: str,
    h: Hit[TriggerForm],
    cues: EntryCues,
    fkind: str,
    kind: ActKind,
    te: int,
    named: list[Mention],
) -> bool:
    """A mention of violence or protest that reports no new act in this sentence.

    - a verbal noun framed as a matter under discussion ("التحقيق في اغتيال"، "منذ التفجير");
    - a definite noun of protest with no agent of its own ("المظاهرات"): the protest the passage
      is about, reported where it was introduced;
    - a verb in a relative clause ("الرنتيسي الذي اغتالته إسرائيل عام 2004"): it describes a
      person or a place by a past act, it does not report it;
    - an imperfect verb of violence ("يقتلون"، "تستهدف"): a habit, an aim or a general claim, where
      news reports a done act with the perfect or the passive.
    """
    if fkind != "verb" and _background(lex, norm, h):
        return True
    if (
        kind == "protest"
        and fkind in ("noun", "phrase")
        and h.prefix.endswith("ال")
        and not any(te <= m.start < te + 3 for m in named)
    ):
        return True
    if fkind == "phrase" and not lex.nominal(h.form):
        verb = h.form.split()[0]  # "يطلقون الصواريخ": the phrase's verb
    elif fkind == "verb":
        verb = h.form
    else:
        return False
    prev = [_unwaw(w) for w in norm[max(0, h.wstart - 30) : h.wstart].split()[-1:]]
    if prev and prev[0] in _RELATIVE:
        return True
    if kind != "violence":
        return False
    if verb.startswith("ي"):
        return True
    return verb.startswith("ت") and "ي" + verb[1:] in cues.verbs


_PROTESTING_SECTORS = frozenset({"CVL", "OPP", "REB", "LEG", "BUS"})


def _can_protest(doc: Analysis, generic: list[_Generic], m: Mention) -> bool:
    """Whether an actor can take to the street: people, parties, movements, unions; not a state,
    its government or its forces (a state protests by note or summons, coded elsewhere)."""
    g = next((g for g in generic if g.mention == m), None)
    actor = g.actor if g is not None else doc.actors.get(m.actor)
    if actor is None:
        return False
    if m.rule.startswith("demonym-plural"):
        return True  # "الآلاف من النيباليين": people of a state, not the state
    return actor.code[len(country_part(actor.code)) :] in _PROTESTING_SECTORS


def _party(doc: Analysis, generic: list[_Generic], actor_id: str) -> str:
    """The side an actor stands for: its country, or for a generic actor its whole code
    (armed men and the police they fight are two sides, though neither has a country)."""
    for g in generic:
        if g.actor.id == actor_id:
            code = g.actor.code
            return code if code.startswith("---") else country_part(code)
    return _cc(doc, actor_id)


def _background(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A verbal noun framed as a matter under discussion ("التحقيق في اغتيال", "منذ التفجير")."""
    frames = lex.words("background", "before", head=True)
    words = [
        normalize_headword(_unwaw(w.strip('"،,«»')))
        for w in norm[max(0, h.wstart - 80) : h.wstart].split()[-3:]
    ]
    return any(w in frames for w in words)


def _anchored(lex: EventLexicon, text: str, sentence: tuple[int, int], ts: int, te: int) -> bool:
    """A verbal noun of violence reported as having happened: in its clause a verb of taking
    place ("وقع الهجوم"، "هجوم استهدف"), its toll ("قتلى"، "مقتل"، "أصيب") or its time ("أمس")."""
    lo, hi = _clause(text, sentence, ts, te)
    words = {_unwaw(w) for w in normalize_word(text[lo:ts] + " " + text[te:hi]).split()}
    if any(
        t.targets[0].kind == "verb"
        and _ACT_KINDS.get(lex.code(lex.triggers[t.targets[0].entry].cameo).plover) == "violence"
        for span in ((lo, ts), (te, hi))
        for t in find_forms(lex.automaton(), normalize_word(text[span[0] : span[1]]), _accept)
    ):
        return True  # "تفجير انتحاري ... يقتل 60 شخصا": the clause tells the act happened
    heads = {normalize_headword(w) for w in words} | {w[1:] for w in words if w[:1] in "بل"}
    return bool(
        words & (lex.words("occurrence") | lex.words("anchors", "occurrence"))
        or heads & lex.words("anchors", "toll", head=True)
        or words & lex.words("anchors", "time")
    )


def _occurs(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A verbal noun that is the subject of a verb of taking place ("اندلعت مظاهرة"، "مظاهرة
    عنيفة اندلعت أمس"): the act is reported as having happened."""
    verbs = lex.words("occurrence")
    skip = {"امس", "اليوم", "مساء", "صباح", "ليلا", "فجر"}
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()[-3:]]
    while before and before[-1] in skip:
        before.pop()
    after = [_unwaw(w) for w in norm[h.wend : h.wend + 60].split()[:3]]
    return bool(before and before[-1] in verbs) or any(w in verbs for w in after)


def _agent_phrase(doc: Analysis, m: Mention, phrases: frozenset[str]) -> bool:
    """The mention follows على يد / من قبل / برصاص ...: the agent of a passive act."""
    norm = doc.norm.text
    ns = doc.norm.to_normalized(m.start)
    words = [_unwaw(w) for w in norm[max(0, ns - 30) : ns].split()[-2:]]
    return bool(words) and (words[-1] in phrases or " ".join(words) in phrases)


def _side_of(doc: Analysis, m: Mention, phrases: frozenset[str]) -> bool:
    """The mention begins with the noun of an agent phrase ("من جانب باكو", where "جانب باكو" is
    the state's side, one mention)."""
    norm = doc.norm.text
    ns = doc.norm.to_normalized(m.start)
    before = [_unwaw(w) for w in norm[max(0, ns - 12) : ns].split()[-1:]]
    first = norm[ns : ns + 20].split()[:1]
    return bool(before and first) and f"{before[-1]} {first[0]}" in phrases


def _agent_position(lex: EventLexicon, norm: str, h: Hit[TriggerForm], kind: ActKind) -> bool:
    """Whether a noun of people (متظاهرون، مسلحين) stands where an agent the sentence introduces
    stands.

    A nominative is a subject ("أقدم متظاهرون"، "فجر انتحاري نفسه"); a counted crowd is one the
    sentence introduces ("آلاف المتظاهرين"، "الآلاف من المتظاهرين"، "نحو 500 متظاهر"); after a
    preposition, a verbal noun or an act of violence ("ضد المتظاهرين"، "لتفريق المتظاهرين"، "قتل 7
    متظاهرين"، "عدد المتظاهرين") the people are acted upon, counted or talked about.  A protest
    needs a crowd: one protester ("متظاهر آخر") is none.
    """
    if any(c in "لب" for c in h.prefix.replace("ال", "")):
        return False
    quantity = lex.words("quantity", head=True)

    def counts(w: str) -> bool:
        w = _unwaw(w)
        w = w[1:] if len(w) > 3 and w[0] in "بل" else w  # "بأكثر من خمسة آلاف"
        return any(ch.isdigit() for ch in w) or normalize_headword(w) in quantity

    spans = [
        (m.start(), m.end()) for m in re.finditer(r"\S+", norm[max(0, h.wstart - 80) : h.wstart])
    ]
    base = max(0, h.wstart - 80)
    words = [norm[base + a : base + b] for a, b in spans]
    n = len(words)
    if (
        n
        and _unwaw(words[-1]) == "من"
        and n >= 2
        and (counts(words[-2]) or _unwaw(words[-2]) == "عدد")
    ):
        n -= 2  # "الآلاف من المتظاهرين"، "عدد من المتظاهرين": a crowd the sentence counts
        counted = True
    elif n and (_unwaw(words[-1]) in _OBLIQUE or _unwaw(words[-1]) == "من"):
        return False
    else:
        counted = n > 0 and counts(words[n - 1])
    if not counted:
        return h.form.endswith("ون") or (kind == "violence" and not h.form.endswith(("ين", "ي")))
    while n > 0 and (counts(words[n - 1]) or _unwaw(words[n - 1]) == "من"):
        n -= 1
    if n == 0:
        return True
    gov = words[n - 1]
    if _unwaw(gov) in _OBLIQUE or (len(gov) > 3 and gov[0] in "لب" and gov[1:3] != "ال"):
        return False
    # the crowd is the one harmed or held: "قتل 7 متظاهرين"، "اعتقلت عشرات المتظاهرين"; or it
    # follows the subject of a verb ("اعتقلت الشرطة عشرات المتظاهرين")
    gs, ge = base + spans[n - 1][0], base + spans[n - 1][1]
    if find_forms(lex.generic_automaton(), norm, _accept_generic, gs, ge):
        return False
    return not any(
        lex.code(lex.triggers[t.targets[0].entry].cameo).plover in _DONE_TO_PEOPLE
        for t in find_forms(lex.automaton(), norm, _accept, gs, ge)
    )


def _cc(doc: Analysis, actor_id: str) -> str:
    actor = doc.actors.get(actor_id)
    return country_part(actor.code) if actor else actor_id


def _context_target(
    doc: Analysis, mentions: list[Mention], ts: int, own: str, ix: _DocIndex
) -> str | None:
    """The nearest actor of another state named before the trigger in its paragraph or the one before.

    An act reported without its target is, in news prose, most often aimed at the other party of
    the pair the passage is about; the rule name says when a target came from context.
    """
    assert doc.segmentation is not None
    paras = doc.segmentation.paragraphs
    k = ix.para(ts)
    lo = paras[max(0, (k or 0) - 1)][0]
    for m in reversed(mentions):
        if m.end > ts:
            continue
        if m.start < lo:
            break
        cc = _cc(doc, m.actor)
        if cc not in (own, "---") and doc.actors.get(m.actor) is not None:
            return m.actor
    return None


def _clause_end(doc: Analysis, te: int, end: int, mentions: list[Mention]) -> int:
    """Where the trigger's clause ends: the first clause break after it.  "، و" before an actor's
    name ("، وروسيا"، "، ووزير الخارجية") joins one more actor to a list, not a new clause; before
    any other word ("، ويأمل بوتين") it starts one."""
    for m in _CLAUSE_BREAK.finditer(doc.text, te, end):
        if m.group().endswith("و"):
            w = m.end() - 1
            if any(w <= x.start <= w + 1 for x in mentions):
                continue
        return m.start()
    return end


def _conjuncts(doc: Analysis, mentions: list[Mention], first: Mention, limit: int) -> list[str]:
    """The actor of ``first`` and those coordinated with it before ``limit`` ("موسكو وباكو"،
    "روسيا وطاجيكستان ومعهما كازاخستان"، "رئيسا بيلاروس وطاجيكستان، فلان وفلان")."""
    out: list[str] = []
    for m in _conjunct_mentions(doc, mentions, first, limit):
        if m.actor not in out:
            out.append(m.actor)
    return out


def _conjunct_mentions(
    doc: Analysis, mentions: list[Mention], first: Mention, limit: int
) -> list[Mention]:
    """``first`` and the mentions coordinated with it, in text order (see :func:`_conjuncts`)."""
    out = [first]
    for m in mentions:
        if m.start < out[-1].end or m is first:
            continue
        if m.start >= limit:
            break
        gap = normalize_word(doc.text[out[-1].end : _title_start(doc, m)]).strip()
        if gap not in _COORDINATION:
            break
        out.append(m)
    return out


def _dual_verb(cues: EntryCues, h: Hit[TriggerForm]) -> bool:
    """A verb in the dual (تحدثا، التقيا، يلتقيان، اتفقتا): its first word is another verb form
    of the same entry with a dual ending."""
    first = h.form.split()[0]
    forms = cues.heads
    return any(first.endswith(end) and first[: -len(end)] in forms for end in ("ا", "تا", "ان"))


_VISIT = "042"
_HOSTILE_ROOTS = frozenset({"11", "12", "13", "16", "17"})
# future verbs of cooperation and aid, coded as the intent they express (CAMEO 03x)
_PROMISE_CODES = {"05": "030", "06": "031", "07": "033"}
# acts of root 05 that are not cooperation one can promise: a planned apology, pardon or signing
# stays what it is
_NOT_PROMISES = frozenset({"055", "056", "057"})


def _topic_after_auxiliary(
    doc: Analysis,
    ix: _DocIndex,
    lex: EventLexicon,
    h: Hit[TriggerForm],
    before: list[Mention],
    mentions: list[Mention],
    sentence: tuple[int, int],
) -> Mention | None:
    """For a verb right after an auxiliary that opens its sentence (أصبحت تدعم، باتت تطالب), with
    no actor before it, the first actor of the previous sentence outside a prepositional phrase:
    the topic both sentences are about."""
    if before:
        return None
    words = [_unwaw(w) for w in doc.norm.text[max(0, h.wstart - 30) : h.wstart].split()]
    head = doc.text[sentence[0] : doc.norm.to_original(h.wstart)].split()
    if len(head) != 1 or not words or words[-1] not in lex.words("auxiliaries"):
        return None
    prev = [m for m in mentions if m.end <= sentence[0]]
    if not prev:
        return None
    assert doc.segmentation is not None
    starts = [s for s, _ in doc.segmentation.sentences if s < sentence[0]]
    if not starts:
        return None
    lo = starts[-1]
    free = [m for m in prev if m.start >= lo and not ix.prep(m) and not ix.in_phrase(m.start)]
    return free[0] if free else None


def _shared_subject(
    doc: Analysis, ix: _DocIndex, h: Hit[TriggerForm], before: list[Mention], text: str, ts: int
) -> Mention | None:
    """For a verb joined by و right after a comma, the person who opens the sentence as its
    subject (the first actor outside a prepositional phrase, a person), else None."""
    if not h.prefix.startswith("و") or not text[:ts].rstrip().endswith(("،", ",")):
        return None
    free = [m for m in before if not ix.prep(m) and not ix.in_phrase(m.start)]
    if not free or doc.actors[free[0].actor].kind != "person":
        return None
    return free[0]


_TITLE_STARTS = "events.title_starts"  # Analysis.extras key: (end, actor) -> title span start


def _own_outlet(doc: Analysis, m: Mention) -> bool:
    """A mention of the outlet that published the document (its credit line, "اندبندنت عربية"):
    the publisher of the report, never a party to the acts it reports."""
    own = doc.document.meta.outlet
    if not own:
        return False
    actor = doc.actors.get(m.actor)
    surface = doc.text[m.start : m.end]
    return actor is not None and actor.code.endswith("MED") and own in (actor.name, surface)


_ISSUED = re.compile(r"(?:ال)?صادر(?:ة|ه)?(?P<rest>(?:\s+\S+){0,2}?)\s+(?:من|عن)\s+")


def _issuer(
    doc: Analysis, text: str, te: int, clause_end: int, after: list[_Arg]
) -> tuple[Mention, bool] | None:
    """Who issued a document named by the trigger ("القرار الصادر عن مجلس الأمن"، "مذكرة الاعتقال
    الصادرة بحقه من المحكمة"): the first actor after "الصادر(ة) ... من/عن" right after the
    trigger, and whether "بحقه/بحقها/بحقهم" says against whom."""
    m = _ISSUED.match(text, te, clause_end) or _ISSUED.match(text, te + 1, clause_end)
    if m is None:
        return None
    for a in after:
        if a.mention.start >= m.end():
            if a.mention.start - m.end() > 12:
                return None
            return a.mention, "بحق" in m.group("rest")
    return None


def _inside_a_name(doc: Analysis, names: list[Mention], h: Hit[TriggerForm]) -> bool:
    """Whether the trigger lies inside the name of an organisation or body, one of at least three
    words that it does not begin (منظمة معاهدة الأمن الجماعي، مجلس التعاون لدول الخليج)."""
    ts, te = doc.norm.span_to_original(h.wstart, h.wend)
    for m in names:
        if m.start < ts and te <= m.end and len(doc.text[m.start : m.end].split()) >= 3:
            actor = doc.actors.get(m.actor)
            if actor is not None and actor.kind in ("organization", "igo"):
                return True
    return False


def _title_start(doc: Analysis, m: Mention) -> int:
    """Where the title naming ``m`` begins (its title+name span), else where ``m`` begins.  The
    spans are indexed once per document (the stage adds no title spans while it runs)."""
    index = doc.extras.get(_TITLE_STARTS)
    if index is None:
        index = {}
        for t in doc.mentions:
            if t.rule == "title+name-span":
                key = (t.end, t.actor)
                index[key] = min(t.start, index.get(key, t.start))
        doc.extras[_TITLE_STARTS] = index
    start = index.get((m.end, m.actor), m.start)
    return start if start < m.start else m.start


def _titled(doc: Analysis, mentions: list[Mention], m: Mention) -> Mention:
    """The person a title names when ``m`` is the state inside that title (رئيس أذربيجان إلهام
    علييف: Aliyev), else ``m``."""
    for t in doc.mentions:
        if (
            t.rule == "title+name-span"
            and t.start <= m.start
            and m.end <= t.end
            and t.actor != m.actor
        ):
            for x in mentions:
                if x.actor == t.actor and t.start <= x.start and x.end <= t.end:
                    return x
    return m


def _in_title_span(doc: Analysis, m: Mention) -> bool:
    """Whether ``m`` is part of a title naming someone (رئيس أذربيجان إلهام علييف)."""
    return any(
        t.rule == "title+name-span" and t.start <= m.start and m.end <= t.end and t.actor != m.actor
        for t in doc.mentions
    )


def _visitor(
    doc: Analysis,
    ix: _DocIndex,
    before: list[Mention],
    mentions: list[Mention],
    te: int,
    place: Mention,
) -> Mention | None:
    """Who makes a visit named by its destination: the last actor before it outside a
    prepositional phrase, else the first such actor after it that is not of the place's state."""
    free = [m for m in before if not ix.prep(m) and not ix.in_phrase(m.start)]
    if free:
        return free[-1]
    own = _cc(doc, place.actor)
    for m in mentions:
        if m.start < te or m is place or _cc(doc, m.actor) == own:
            continue
        if not ix.prep(m) and not ix.in_phrase(m.start):
            return m
    return None


def _list_opening(doc: Analysis, mentions: list[Mention], last: Mention, ix: _DocIndex) -> Mention:
    """The first mention of the coordinated list that ends with ``last`` (``last`` if none)."""
    for m in mentions:
        if m.start >= last.start:
            break
        if _conjunct_mentions(doc, mentions, m, last.end)[-1] is last:
            # "بين باكو ويريفان": the parties of a relation, not agents
            return last if ix.prep(m) == "بين" else m
    return last


def _last_list(doc: Analysis, mentions: list[Mention], ts: int) -> Mention | None:
    """The first mention of the last list of two or more actors of different sides before ``ts``."""
    best: Mention | None = None
    reach = -1
    for m in mentions:
        if m.end > ts:
            break
        if m.start < reach:
            continue
        listed = _conjunct_mentions(doc, mentions, m, ts)
        reach = listed[-1].end
        if len({_cc(doc, x.actor) for x in listed}) >= 2:
            best = m
    return best


def _group_subject(
    doc: Analysis,
    lex: EventLexicon,
    h: Hit[TriggerForm],
    mentions: list[Mention],
    sentence: tuple[int, int],
) -> list[str] | None:
    """ "حرص الجميع على …"، "اتفق القادة على …": a plural noun for the parties of a gathering, right
    before the trigger (or its governing verb) or right after it; the members of the last list of
    three or more coordinated actors in this sentence or the one before."""
    norm = doc.norm.text
    groups = lex.words("groups")
    if not groups:
        return None
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 30) : h.wstart].split()[-3:]]
    after = [_unwaw(w) for w in norm[h.wend : h.wend + 20].split()[:1]]
    if not any(w in groups for w in before + after):
        return None
    ts = doc.norm.to_original(h.wstart)
    assert doc.segmentation is not None
    starts = [s for s, _ in doc.segmentation.sentences if s <= sentence[0]]
    lo = starts[-2] if len(starts) >= 2 else sentence[0]
    pool = [m for m in mentions if lo <= m.start and m.end <= ts]
    best: list[str] | None = None
    reach = -1  # end of the last list read: a mention inside it starts no list of its own
    for m in pool:
        if m.start < reach:
            continue
        listed = _conjunct_mentions(doc, pool, m, ts)
        reach = listed[-1].end
        members = list(dict.fromkeys(x.actor for x in listed))
        if len({_cc(doc, x) for x in members}) >= 3:
            best = members
    return best


def _dual(
    doc: Analysis, lex: EventLexicon, h: Hit[TriggerForm], mentions: list[Mention], ts: int
) -> tuple[str, str] | None:
    """ "التقى الرئيسان" / "اتفق البلدان": the two parties named last before the trigger."""
    words = [normalize_headword(_unwaw(w)) for w in doc.norm.text[h.wend : h.wend + 20].split()[:1]]
    words += [
        normalize_headword(_unwaw(w))
        for w in doc.norm.text[max(0, h.wstart - 20) : h.wstart].split()[-1:]
    ]
    kinds = {k for w in words for k in lex.dual_kinds(w)}
    if not kinds:
        return None
    want_person = "persons" in kinds
    seen: list[str] = []
    for m in reversed(mentions):
        if m.end > ts:
            continue
        actor = doc.actors.get(m.actor)
        if actor is None or (actor.kind == "person") != want_person:
            continue
        cc = country_part(actor.code)
        if m.actor not in seen and all(_cc(doc, x) != cc for x in seen):
            seen.append(m.actor)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


def _governed(lex: EventLexicon, norm: str, h: Hit[TriggerForm], purpose: bool = True) -> bool:
    """A verbal noun of purpose (لإجلاء، لتقليص) or governed by a control verb (حاولت استفزاز).

    With ``purpose=False`` only the control verb counts: an attack named as an aim ("للهجوم على
    إيران"، "لاغتيال شخصيات") is a plan, not a report."""
    if purpose and "ل" in h.prefix.replace("ال", ""):
        return True
    control = lex.words("control")
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()]
    # the control verb right before the noun, or before a one-word subject (حاولت باكو استفزاز)
    return bool(before) and (
        before[-1] in control
        or " ".join(before[-2:]) in control
        or (len(before) >= 2 and before[-2] in control)
    )


def _quote_around(doc: Analysis, offset: int) -> Mention | None:
    """The speaker (as a mention) of the quotation whose content holds ``offset``, if any."""
    for q in doc.quotes:
        if q.content[0] <= offset < q.content[1] and q.speaker and q.speaker_span:
            return Mention(q.speaker_span[0], q.speaker_span[1], q.speaker, "quote-speaker")
    return None


def _first_person(norm: str, h: Hit[TriggerForm]) -> bool:
    """A first-person verb: نـ/سنـ imperfect (ندعم، سنقدم) or a verb after نحن / أنا."""
    if h.form.startswith("ن") and "ن" not in h.prefix:
        return True
    prev = norm[max(0, h.wstart - 12) : h.wstart].split()[-1:]
    return bool(prev) and _unwaw(prev[0]) in ("نحن", "انا")


def _passive(norm: str, h: Hit[TriggerForm]) -> bool:
    prev = norm[max(0, h.wstart - 40) : h.wstart].split()[-1:]
    return bool(prev) and prev[0] in ("تم", "وتم", "فتم", "يتم", "سيتم", "جري", "وجري", "يجري")


def _genitive(doc: Analysis, te: int, after: list[_Arg]) -> _Arg | None:
    """The agent in construct with a verbal noun: the first actor after it, a few title words away."""
    if not after or after[0].prep:
        return None
    # up to the title that names the actor, if one does ("استقباله نظيره الأذربيجاني، إلهام علييف")
    gap = doc.text[te : _title_start(doc, after[0].mention)]
    if any(ch in gap for ch in '،,.؛:"«»'):
        return None
    if len(gap.split()) > _GEN_GAP_MAX_WORDS:
        return None
    return after[0]


def _not_only(norm: str, h: Hit[TriggerForm]) -> bool:
    """ "لم أعتذر فقط ... بل": "not only ... but also" asserts the act it seems to deny."""
    after = norm[h.wend : h.wend + 120].split()
    return "فقط" in after[:3] and any(_unwaw(w) == "بل" for w in after[:20])


def _status(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> Status:
    # the rules below read at most the last six words before the trigger
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()[-6:]]
    last2 = " ".join(before[-2:])
    last3 = " ".join(before[-3:])
    last = before[-1] if before else ""
    neg = lex.words("negated", "before")
    if (
        last in neg
        or last2 in neg
        or (len(before) >= 2 and before[-2] in neg and last in ("يتم", "تتم"))
    ) and not _not_only(norm, h):
        return "negated"
    if "س" in h.prefix or last in ("سوف", "وسوف"):
        return "planned"
    # a cue equal to the last word is in the last three words too: one substring test covers both
    if any(map(last3.__contains__, lex.words("planned", "before"))):
        return "planned"
    if h.targets[0].kind != "verb":  # the words after a noun: "الزيارة المرتقبة"
        after_words = norm[h.wend : h.wend + 30].split()[:2]
        if not lex.words("planned", "after").isdisjoint(after_words):
            return "planned"
        if not lex.words("hypothetical", "after").isdisjoint(after_words):
            return "hypothetical"
    window = f" {' '.join(before[-6:])} "
    if any(map(window.__contains__, lex.spaced("hypothetical", "before"))):
        return "hypothetical"
    may = lex.words("may")
    if last in may and h.targets[0].kind == "verb" and h.form[:1] in "يتنا":
        return "hypothetical"
    return "asserted"


def _is_reference(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A verbal noun framed as a past matter (صفحة تحطم، على خلفية اعتقال), not a report of a new act."""
    frames = lex.words("reference", "before", head=True)
    raw = norm[max(0, h.wstart - 120) : h.wstart].split()
    if any(normalize_headword(_unwaw(w.strip('"،,'))) in frames for w in raw[-2:]):
        return True
    # "صفحة تحطم الطائرة، واعتقال مواطنين": a noun coordinated with a framed one
    return h.prefix.startswith("و") and any(
        normalize_headword(_unwaw(w.strip('"،,'))) in frames for w in raw[-12:]
    )


def _unwaw(word: str) -> str:
    """A function word without the conjunction glued to it (ولن -> لن, فإذا -> اذا)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _date(
    doc: Analysis, ts: int, sentence: tuple[int, int], ix: _DocIndex, status: Status = "asserted"
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    inside = ix.timexes_in(doc, sentence)
    if inside and status == "asserted":
        # an act reported as done cannot have happened after the article: a later date in its
        # sentence qualifies something else ("برامج للفترة 2026-2030")
        published = ix.published(doc)
        if published is not None:
            inside = [t for t in inside if t.date_from <= published]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - ts))
        if _word_gap(doc.text, best, ts) <= _DATE_REACH:
            return best.value, "expression", (best.start, best.end)
    narrative = _narrative_time(doc, ts, sentence, ix)
    if narrative is not None:
        return narrative.value, "narrative", (narrative.start, narrative.end)
    pub = doc.document.meta.published
    if pub:
        return pub[:7], "publication", None
    return None, None, None


# how many words may stand between a trigger and the date expression that dates it: in a long
# sentence a date further away belongs to another clause ("... في تسعينيات القرن الـ20")
_DATE_REACH = 20


def _word_gap(text: str, t: TimeExpression, ts: int) -> int:
    """Words between a date expression and a trigger starting at ``ts``."""
    lo, hi = (t.end, ts) if t.end <= ts else (ts, t.start)
    return len(text[lo:hi].split())


# how far before the publication date a paragraph's day can be and still be the news it tells
_NARRATIVE_DAYS = 45


def _narrative_time(
    doc: Analysis, ts: int, sentence: tuple[int, int], ix: _DocIndex
) -> TimeExpression | None:
    """The day a news passage has set ("صباح يوم الثلاثاء، أعلن ... وفتحت النيابة ..."): the last
    expression of a day before the sentence in its paragraph or the one before (vague ones such
    as الآن left aside), when that day is recent news (up to six weeks before publication).  A
    month, a year or an older day is background and does not carry over: the act is then dated
    by the article."""
    assert doc.segmentation is not None
    k = ix.para(ts)
    published = ix.published(doc)
    if k is None or published is None:
        return None
    return ix.narrative(doc, k, sentence[0], published)


def _narrative_in(doc: Analysis, k: int, before: int, published: date) -> TimeExpression | None:
    """:func:`_narrative_time` for paragraph ``k`` and a sentence starting at ``before``, given
    :func:`_latest_publication_day`."""
    assert doc.segmentation is not None
    paras = doc.segmentation.paragraphs
    lo = paras[max(0, k - 1)][0]
    earlier = [
        t
        for t in doc.timexes
        if lo <= t.start and t.end <= before and not t.rule.startswith("vague")
    ]
    if not earlier:
        return None
    last = earlier[-1]
    if last.granularity not in ("day", "time"):
        return None
    days = (published - last.date_from).days
    return last if 0 <= days <= _NARRATIVE_DAYS else None


def _latest_publication_day(doc: Analysis) -> date | None:
    """The last day the publication date allows (the month's last day when only the month is known)."""
    p = doc.document.meta.published
    if not p:
        return None
    parts = [int(x) for x in p.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def _location(
    doc: Analysis, sentence: tuple[int, int], after: list[_Arg]
) -> tuple[int, int] | None:
    for a in after:
        actor = doc.actors.get(a.mention.actor)
        if a.prep == "في" and actor is not None and actor.kind in ("country",):
            return (a.mention.start, a.mention.end)
    return None
