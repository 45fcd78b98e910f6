"""How the rules find an act's arguments: which mentions may be arguments, the preposition that
introduces each (:class:`_Arg`), clause ends, coordinated lists, titles, groups and duals,
genitives, agent phrases, the speaker of a quote and the other party of the passage.

These helpers are shared by the rules of diplomatic acts (:func:`~marsad.events.extract._event`)
and of violence and protest (:mod:`marsad.events.contentious`); keeping them here lets both
modules read them without importing each other.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from marsad.actors.lexicon import get_lexicon as get_actor_lexicon
from marsad.events.affixes import _since_last, _unwaw
from marsad.events.generic import _nisba
from marsad.events.index import TITLE_STARTS, _DocIndex
from marsad.events.lexicon import EntryCues, EventLexicon, TriggerForm
from marsad.model import Analysis, Mention, country_part
from marsad.text.match import Hit
from marsad.text.normalize import normalize_headword, normalize_word

_DEFAULT_TARGET_PREPS = ("الي", "ل", "مع", "علي", "ضد", "لدي", "بحق", "تجاه", "نحو", "من")


_LOCATION_PREPS = ("في",)


_SVO_GAP = re.compile(r"^[\s\"'«»“”]*(?:(?:قد|لقد|فقد|ان|انه|بدوره|بدورها|بدورهم|،)\s*)*$")


_GEN_GAP_MAX_WORDS = 3


# "X وY", "X، Y وZ", and "X ومعها Y" (X together with Y)
_COORDINATION = frozenset(
    {"و", "،", "، و", "،و", ",", ", و", "ومعه", "ومعها", "ومعهما", "ومعهم", "، ومعها", "، ومعهم"}
)


# a clause ends at a semicolon or colon, or at a comma before حيث, بينما, فيما, a relative, or و
# joined to a word that does not begin an actor's name (see :func:`_clause_end`)
_CLAUSE_BREAK = re.compile(
    r"[؛;:]|،\s*(?:(?:حيث|بينما|فيما|الذي|التي)(?![\u0621-\u064a])|و(?=[\u0621-\u064a]))"
)


@dataclass(slots=True)
class _Arg:
    mention: Mention
    prep: str  # normalized preposition introducing it ('' for none)


def _nisba_pair(doc: Analysis, h: Hit[TriggerForm]) -> tuple[str, str] | None:
    """Two states named by the two nisba adjectives right after a trigger (التعاون الروسي
    التركي), as state actors of the document; None unless both are there and differ."""
    first = _nisba(doc.norm.text, h.wend)
    if first is None:
        return None
    second = _nisba(doc.norm.text, first[2])
    if second is None or second[0] == first[0]:
        return None
    return _state_id(doc, first[0]), _state_id(doc, second[0])


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
    free = [m for m in prev if m.start >= lo and ix.free(m)]
    return free[0] if free else None


def _shared_subject(
    doc: Analysis, ix: _DocIndex, h: Hit[TriggerForm], before: list[Mention], text: str, ts: int
) -> Mention | None:
    """For a verb joined by و right after a comma, the person who opens the sentence as its
    subject (the first actor outside a prepositional phrase, a person), else None."""
    if not h.prefix.startswith("و") or not text[:ts].rstrip().endswith(("،", ",")):
        return None
    free = [m for m in before if ix.free(m)]
    if not free or doc.actors[free[0].actor].kind != "person":
        return None
    return free[0]


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


def _title_start(doc: Analysis, m: Mention) -> int:
    """Where the title naming ``m`` begins (its title+name span), else where ``m`` begins: from
    the spans the stage's document index found (:class:`~marsad.events.index._DocIndex`), or read
    from the mentions when called outside the stage."""
    index = doc.extras.get(TITLE_STARTS)
    if index is None:
        index = {}
        for t in doc.mentions:
            if t.rule == "title+name-span":
                key = (t.end, t.actor)
                index[key] = min(t.start, index.get(key, t.start))
    start = index.get((m.end, m.actor), m.start)
    return start if start < m.start else m.start


def _titles_around(doc: Analysis, m: Mention) -> Iterator[Mention]:
    """The title+name spans that hold ``m`` and name another actor (رئيس أذربيجان إلهام علييف
    holds أذربيجان and names Aliyev)."""
    for t in doc.mentions:
        if (
            t.rule == "title+name-span"
            and t.start <= m.start
            and m.end <= t.end
            and t.actor != m.actor
        ):
            yield t


def _titled(doc: Analysis, mentions: list[Mention], m: Mention) -> Mention:
    """The person a title names when ``m`` is the state inside that title (رئيس أذربيجان إلهام
    علييف: Aliyev), else ``m``."""
    for t in _titles_around(doc, m):
        for x in mentions:
            if x.actor == t.actor and t.start <= x.start and x.end <= t.end:
                return x
    return m


def _in_title_span(doc: Analysis, m: Mention) -> bool:
    """Whether ``m`` is part of a title naming someone (رئيس أذربيجان إلهام علييف)."""
    return next(_titles_around(doc, m), None) is not None


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
    free = [m for m in before if ix.free(m)]
    if free:
        return free[-1]
    own = _cc(doc, place.actor)
    for m in mentions:
        if m.start < te or m is place or _cc(doc, m.actor) == own:
            continue
        if ix.free(m):
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


def _lists(doc: Analysis, mentions: list[Mention], ts: int) -> Iterator[list[Mention]]:
    """The coordinated lists of mentions before ``ts``, each read once, in text order (a mention
    inside a list read already opens none of its own)."""
    reach = -1  # end of the last list read
    for m in mentions:
        if m.end > ts:
            break
        if m.start < reach:
            continue
        listed = _conjunct_mentions(doc, mentions, m, ts)
        reach = listed[-1].end
        yield listed


def _last_list(doc: Analysis, mentions: list[Mention], ts: int) -> Mention | None:
    """The first mention of the last list of two or more actors of different sides before ``ts``."""
    best: Mention | None = None
    for listed in _lists(doc, mentions, ts):
        if len({_cc(doc, x.actor) for x in listed}) >= 2:
            best = listed[0]
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
    for listed in _lists(doc, pool, ts):
        members = list(dict.fromkeys(x.actor for x in listed))
        if len({_cc(doc, x) for x in members}) >= 3:
            best = members
    return best


def _dual(
    doc: Analysis,
    lex: EventLexicon,
    h: Hit[TriggerForm],
    mentions: list[Mention],
    ts: int,
    in_sentence: bool = True,
) -> tuple[str, str] | None:
    """ "التقى الرئيسان" / "اتفق البلدان" / "اجتماعهما": the two parties named last before the
    trigger (for the dual pronoun on a noun, two persons if the text has them, else two states)."""
    after = doc.norm.text[h.wend : h.wend + 40].split()[:3]
    words = [normalize_headword(_unwaw(w)) for w in after[:1]]
    words += [
        normalize_headword(_unwaw(w))
        for w in doc.norm.text[max(0, h.wstart - 20) : h.wstart].split()[-1:]
    ]
    # "اللقاء الرسمي بين الزعيمين": a dual after بين, one adjective on
    words += [normalize_headword(after[k + 1]) for k in range(len(after) - 1) if after[k] == "بين"]
    kinds = {k for w in words for k in lex.dual_kinds(w)}
    if kinds:
        return _last_two(doc, mentions, ts, "persons" in kinds)
    if h.suffix == "هما" and h.targets[0].kind == "noun":
        return _last_two(doc, mentions, ts, True) or _last_two(doc, mentions, ts, False)
    # (``in_sentence``: whether the trigger's sentence holds a dual word at all, known beforehand)
    return _dual_in_clause(doc, lex, h, mentions, ts) if in_sentence else None


# how many words back in its clause a dual subject still governs a trigger ("أن الرئيسين تناولا
# العشاء معا قبل أن يتوجها لإجراء محادثات")
_DUAL_REACH = 10


def _dual_in_clause(
    doc: Analysis, lex: EventLexicon, h: Hit[TriggerForm], mentions: list[Mention], ts: int
) -> tuple[str, str] | None:
    """A dual subject (الرئيسان، البلدين) earlier in the trigger's clause with no actor named
    between them: the acts that follow are the pair's."""
    norm = doc.norm.text
    lo = max(0, h.wstart - 120)
    before = norm[lo : h.wstart]
    cut = _since_last(before, ".؛:\n")
    words = list(_WORD.finditer(before, cut))[-_DUAL_REACH:]
    for w in reversed(words):
        kinds = lex.dual_kinds(normalize_headword(_unwaw(w.group())))
        if not kinds:
            continue
        at = doc.norm.to_original(lo + w.start())
        k = bisect_right(mentions, at, key=_start)
        if k < len(mentions) and mentions[k].start < ts:
            return None  # an actor named between the dual word and the act: the act is theirs
        return _last_two(doc, mentions, at, "persons" in kinds)
    return None


_WORD = re.compile(r"\S+")


def _start(m: Mention) -> int:
    return m.start


def _last_two(
    doc: Analysis, mentions: list[Mention], ts: int, persons: bool
) -> tuple[str, str] | None:
    """The last two actors of two states named before ``ts``, persons or not."""
    seen: list[str] = []
    for m in reversed(mentions):
        if m.end > ts:
            continue
        actor = doc.actors.get(m.actor)
        if actor is None or (actor.kind == "person") != persons:
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


def _genitive(doc: Analysis, te: int, after: list[_Arg]) -> _Arg | None:
    """The agent in construct with a verbal noun: the first actor after it, a few title words away
    (a state inside that actor's title, "السفير الأذربيجاني في روسيا، رحمن مصطفاييف", is part of
    the title, not the first actor)."""
    if len(after) > 1 and any(
        t.actor == after[1].mention.actor for t in _titles_around(doc, after[0].mention)
    ):
        after = after[1:]
    if not after or after[0].prep:
        return None
    # up to the title that names the actor, if one does ("استقباله نظيره الأذربيجاني، إلهام علييف")
    gap = doc.text[te : _title_start(doc, after[0].mention)]
    if any(ch in gap for ch in '،,.؛:"«»'):
        return None
    if len(gap.split()) > _GEN_GAP_MAX_WORDS:
        return None
    return after[0]


def _agrees(lex: EventLexicon, h: Hit[TriggerForm], person: str) -> bool:
    """Whether a verb's gender allows a person as its subject: "وطالبت موسكو" after a sentence
    about Putin is Moscow's demand, since طالبت is feminine (a state is grammatically feminine).
    A form is feminine when the entry also lists it without its ت (طالبت/طالب, دعت/دعا, نفت/نفى,
    تطالب/يطالب); a person of unknown gender agrees with any verb."""
    entry = get_actor_lexicon().people.get(person)
    if entry is None:
        return True
    forms = lex.verb_forms(h.targets[0].entry)
    f = h.form
    stem = f[:-1]
    feminine = (
        f.endswith("ت") and (stem in forms or stem + "ا" in forms or stem + "ي" in forms)
    ) or (f.startswith("ت") and "ي" + f[1:] in forms)
    return feminine == (entry.gender == "f")


def _resumptive(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """Whether the word after a verb is a pronoun pointing back to a noun before it (فيه، خلالها,
    see ``resumptives`` in the modality file)."""
    nxt = norm[h.wend : h.wend + 16].split(maxsplit=1)
    return bool(nxt) and nxt[0] in lex.words("resumptives")


def _object_state(doc: Analysis, h: Hit[TriggerForm], subject: Mention | None) -> str | None:
    """The state a nisba adjective names on a verb's object when no actor is named as the object
    ("أدانت الخارجية السعودية الهجوم الإسرائيلي": Israel; "أسقطت الدفاعات الروسية طائرة مسيرة
    أوكرانية": Ukraine): the word after the verb (after its subject, when the subject follows it)
    and at most one more, then the adjective."""
    nz = doc.norm
    norm = nz.text
    if h.targets[0].kind == "phrase" and (got := _nisba(norm, h.wend)) is not None:
        return got[0]  # the phrase holds the object: "أسقطت طائرة أوكرانية"
    pos = h.wend
    if subject is not None:
        s0, s1 = nz.span_to_normalized(subject.start, subject.end)
        if s0 >= pos and not norm[pos:s0].strip():
            pos = s1  # VSO: the object follows the subject
    words = list(_WORD.finditer(norm, pos, min(len(norm), pos + 60)))[:4]
    if words and words[0].group().isdigit():
        words = words[1:]  # "أسقطت ... 20 طائرة مسيرة أوكرانية": a count before the object
    if not words or words[0].group() in _NOT_OBJECTS or not words[0].group()[:1].isalpha():
        return None
    for w in words[:2]:
        if any(c in w.group() for c in ".،,؛:"):
            return None  # the clause ends before an adjective
        got = _nisba(norm, w.end())
        if got is not None:
            return got[0]
    return None


# words that open a prepositional phrase or a clause, not an object
_NOT_OBJECTS = frozenset(
    {"في", "من", "الي", "إلى", "علي", "على", "عن", "مع", "ان", "أن", "إن", "بين", "حول", "خلال"}
)


def _state_id(doc: Analysis, country: str) -> str:
    """The document's actor id for a state, added from the lexicon when it is not there yet."""
    if country not in doc.actors:
        doc.actors[country] = get_actor_lexicon().actor(country)
    return country


def _unnamed_subject(doc: Analysis, h: Hit[TriggerForm]) -> bool:
    """Whether a verb is followed right away by an office or body the actor lexicon knows but
    the text ties to no state ("التي وصفتها وزارة الخارجية بأنها ..."): the subject is there,
    unnamed, and no actor named before stands in for it."""
    words = doc.norm.text[h.wend : h.wend + 40].split()[:2]
    forms = get_actor_lexicon().forms
    for n in (2, 1):
        if len(words) < n:
            continue
        head = normalize_headword(" ".join(words[:n]).strip('،,."«»'))
        if any(t.type in ("organ", "title") for t in forms.get(head, ())):
            return True
    return False
