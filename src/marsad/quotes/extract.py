"""Quotations and attributed statements: who said what, and about whom.

- **Direct quotes**: text between quotation marks (« » “ ” „ " and their
  mixtures), over several sentences of a paragraph, split by the cue
  ("…"، قال بيسكوف، "…"), or left open at the end of a paragraph.  A straight
  mark glued to a digit (12") or inside a word is not a quotation mark, and a
  short quoted name (a title, an outlet) is not a quotation unless a cue claims it.
- **Reported speech**: a cue verb followed by أن/إن/بأن and its clause; a
  source phrase (وفقا لـ، بحسب) with the speaker after it; a relay
  ("نقلت كوميرسانت عن بوتين قوله": speaker Putin, via Kommersant); a
  circumstantial participle (مشيرا إلى أن) whose speaker is the clause's subject.
- **Speaker**: the actor subject of the cue (after it, a named person before a
  title-like noun; right before it, across a relative pronoun or an apposition);
  speakers joined by و each get the quote; a participle takes the subject of
  the verb it hangs on, or the first person of its clause after a complementizer;
  a continuation (وأضاف، وتابع، من جانبه، كما) with no subject of its own refers
  back to the last speaker, or to the person its paragraph is about when that
  speaker is not named there.
- **Extent**: a quotation left open at a paragraph end runs on to a later
  paragraph that closes it; "وصف X Y بأنه" keeps Y; "كما ذكر X، ..." starts after
  the comma; a verb inside reported content is part of it, not a new cue.
- **About**: the actors mentioned in the content, each with a stance from the
  tone lexicon (the weighted tone words of the content, clipped to [-1, 1]).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from marsad.model import Analysis, Mention, Quote, argument_mentions
from marsad.quotes.lexicon import Cue, QuoteLexicon, get_quote_lexicon
from marsad.text.match import Hit, find_forms
from marsad.text.normalize import normalize_headword, normalize_word

# Opening mark -> the marks that close it.  Arabic text typed right to left uses the curly double
# quotes in either order (“…” and ”…“), so each closes the other and itself.
_OPEN = {"«": "»", "“": "“”", "”": "“”", "„": "“”", "\u201f": "“”"}
_OPENERS = re.compile("[" + re.escape("".join(_OPEN) + '"') + "]")  # what may open a quotation
_ANY_MARK = re.compile("[" + re.escape("".join(_OPEN) + '"»') + "]")
_COMPLEMENTIZER = re.compile(
    r"(?:(?<=\s)|^)(?:،\s*)?(?:في\s+\S+\s+)?"
    r"(?:(?:ب|ل|ف)?(?:أن|إن|ان)(?:ه|ها|هم|هما|نا)?|إلى\s+أن|الى\s+ان|إلى|الى)\s+"
)
# how far after the cue the complementizer may come: the subject between them (a title and a name)
_SUBJECT_REACH = 90
_RELAY_REACH = 200  # "نقل الموقع عن النائب الأول لرئيس لجنة ...، فلان، قوله إن": a long chain
_TO_CUES = frozenset(
    {"اشار", "اشارت", "يشير", "تشير", "لفت", "لفتت", "يلفت", "مشيرا", "مشيره", "لافتا", "لافته"}
)
# cues whose content may follow على when no أن does (شدد على ضرورة، أكد على أهمية)
_ON_CUES = frozenset(
    normalize_word(w)
    for w in (
        "شدد",
        "شددت",
        "يشدد",
        "تشدد",
        "مشددا",
        "مشددة",
        "أكد",
        "أكدت",
        "يؤكد",
        "تؤكد",
        "مؤكدا",
    )
)
_ON = re.compile(r"(?:(?<=\s)|^)(?:على|علي)\s+(?!هامش)")
_MIN_DIRECT_WORDS = 4
_ADDITIVE = re.compile(r"\s*(?:و?بالإضافة\s+إلى\s+ذلك|و?علاوة\s+على\s+ذلك|و?إضافة\s+إلى\s+ذلك)")
_DESCRIBE_CUES = frozenset({"وصف", "وصفت", "يصف", "تصف", "واصفا", "واصفه"})
_KAMA_BEFORE = re.compile(r"(?:^|\s)و?كما\s*$")
_COMPLEMENTIZER_AT = re.compile(r"(?:^|\s)(?:ب|ل|ف)?(?:إن|أن|ان)(?:ه|ها|هم|هما)?(?=\s)|:")
_CUE_PREFIXES = frozenset({"", "و", "ف", "ك"})
# "ومن جانبه، قال" / "كما أكدت أن": a sentence that goes on with the last speaker
_CONTINUATION_OPENERS = re.compile(
    r"^\s*(?:و?من\s+جانب(?:ه|ها|هم)|و?بدور(?:ه|ها|هم)|و?كما\s*$|و?أيضا\s*$)"
)
# "فلان، الذي قال إن": the relative pronoun hands the cue the actor named right before it
_RELATIVE = re.compile(
    r"^[\s،,]*(?:الذي|التي|اللذان|اللتان|الذين)\s*$"
    r"|^\s*[،,][^،,.:]{1,50}[،,]\s*$"  # "فلان، المحلل السياسي، قال": an apposition between
)


@dataclass(slots=True)
class _Span:
    start: int  # content, without the marks
    end: int
    open_at: int  # the opening mark
    close_at: int  # the closing mark, or -1 when left open


def _start(m: Mention) -> int:
    return m.start


def _accept(prefix: str, suffix: str, cue: Cue) -> bool:
    if cue.kind == "participle":
        return prefix in _CUE_PREFIXES and suffix in ("", "ا")
    if cue.kind == "source":  # بحسب X, and بحسبه / وفقا له with the speaker as a pronoun
        return prefix in ("", "و") and suffix in ("", "ه", "ها", "هم")
    return prefix in _CUE_PREFIXES and suffix in ("", "ه", "ها", "هم", "ت", "وا", "ا", "ن")


def _tone_accept(prefix: str, suffix: str, weight: float) -> bool:
    return prefix in ("", "و", "ب", "ل", "ال", "وال", "بال", "لل")


def quotes_stage(doc: Analysis) -> None:
    """Add the document's quotations (the pipeline stage)."""
    extract(doc, get_quote_lexicon())


def direct_spans(text: str, start: int, end: int) -> list[_Span]:
    """Quoted spans of one paragraph ``text[start:end]``; nested marks stay inside the outer span.

    Only quotation marks matter, so the scan jumps from one mark to the next with a regex."""
    out: list[_Span] = []
    search = _OPENERS.search
    i = start
    while (m := search(text, i, end)) is not None:
        i = m.start()
        ch = m.group()
        closer: str | None = None
        if ch in _OPEN:
            closer = _OPEN[ch]
        elif _opens_straight(text, i, start):  # ch == '"'
            closer = '"'
        if closer is None:
            i += 1
            continue
        j = _find_close(text, i + 1, end, ch, closer)
        if j == -2:  # an unbalanced straight mark: drop it and read on from the next one
            i += 1
            continue
        if j < 0:  # left open: runs to the end of the paragraph
            out.append(_Span(i + 1, _rstrip(text, i + 1, end), i, -1))
            break
        out.append(_Span(i + 1, j, i, j))
        i = j + 1
    return out


def _opens_straight(text: str, i: int, start: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isdigit():
        return False  # 12" (inches) or an abbreviation mark after a number
    if prev.isalpha() and nxt.isalpha():
        return False  # a mark inside a word (an abbreviation such as ت"ب)
    return not nxt.isspace()


def _find_close(text: str, i: int, end: int, opener: str, closer: str) -> int:
    """Offset of the mark closing ``opener`` (nested « » counted), -1 if none, -2 if the
    straight mark turns out to open another quotation instead."""
    depth = 0
    search = _closing_marks(opener, closer).search
    while (m := search(text, i, end)) is not None:
        i = m.start()
        ch = m.group()
        if opener == "«" and ch == "«":
            depth += 1
        elif ch in closer:
            if closer == '"':
                nxt = text[i + 1] if i + 1 < end else " "
                prev = text[i - 1]
                if prev.isdigit() and nxt.isalpha():
                    i += 1
                    continue
                if prev.isspace() and not nxt.isspace():
                    return -2  # another opening mark: the first one was never closed
                return i
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


@cache
def _closing_marks(opener: str, closer: str) -> re.Pattern[str]:
    """The marks :func:`_find_close` looks at: the closers, and « itself inside « »."""
    return re.compile("[" + re.escape(closer + ("«" if opener == "«" else "")) + "]")


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".،"):
        e -= 1
    return e


def extract(doc: Analysis, lex: QuoteLexicon) -> None:
    assert doc.segmentation is not None, "segment stage has not run"
    text = doc.text
    nz = doc.norm
    mentions = argument_mentions(doc)
    quotes: list[Quote] = []
    last_speaker: Mention | None = None
    history: list[Mention] = []  # every speaker so far, for "الموقع" and "الخبير"
    covered: list[tuple[int, int]] = []
    paragraphs = doc.segmentation.paragraphs
    resume = 0  # where a quotation carried over from an earlier paragraph closed
    named = {(m.start, m.end) for m in mentions}  # quoted names are not quotations
    for k, (ps, pe) in enumerate(paragraphs):
        if resume > ps:
            if resume >= pe:
                continue
            ps = resume
        spans = direct_spans(text, ps, pe)
        if spans and spans[-1].close_at < 0:  # left open: closed in a later paragraph?
            carried = _carry_over(text, paragraphs[k + 1 :], text[spans[-1].open_at])
            if carried is not None:
                spans[-1].end, spans[-1].close_at = carried, carried
                resume = carried + 1
        nps, npe = nz.span_to_normalized(ps, pe)
        cues = find_forms(lex.cue_automaton(), nz.text, _accept, nps, npe, original=nz)
        cue_spans = [
            (nz.span_to_original(c.wstart, c.wend), c)
            for c in cues
            if not c.targets[0].needs_l or nz.text[c.wend : c.wend + 2].strip()[:1] == "ل"
        ]
        # cues inside a quotation are the quoted person's words, not attributions
        cue_spans = [
            (cs, c) for cs, c in cue_spans if not any(sp.start <= cs[0] < sp.end for sp in spans)
        ]
        for sp in spans:
            n_words = len(text[sp.start : sp.end].split())
            if (sp.start, sp.end) in named:
                continue  # «تاس», "كوميرسانت": a quoted name, not a quotation
            cue = _cue_for_direct(doc, sp, cue_spans)
            if cue is None and n_words < _MIN_DIRECT_WORDS:
                continue
            if (
                cue is not None
                and n_words < _MIN_DIRECT_WORDS
                and cue[0][1] <= sp.open_at
                and _inside_reported(doc, cue, sp, mentions, spans)
            ):
                continue  # وأكد أن ممر "شمال جنوب" ...: a quoted term inside reported speech
            speaker, via, rule = None, None, "direct"
            cue_span = (sp.open_at, sp.open_at + 1)
            if cue is not None:
                (cs, ce), c = cue
                speaker, via = _speaker(
                    doc, lex, mentions, c, cs, ce, last_speaker, history, cue_spans
                )
                cue_span = (cs, ce)
                rule = f"direct+cue:{c.targets[0].kind}"
                if speaker is None and last_speaker is not None:
                    speaker = last_speaker  # "ووصفتها بأنها «…»": the subject is the last speaker
                    rule += "+previous-speaker"
            elif last_speaker is not None:
                speaker = last_speaker  # a paragraph that goes on quoting the last speaker
                rule = "direct+previous-speaker"
            if n_words < _MIN_DIRECT_WORDS and speaker is None:
                continue
            quotes.append(
                _quote(doc, lex, mentions, cue_span, (sp.start, sp.end), speaker, via, True, rule)
            )
            covered.append((sp.open_at, sp.close_at if sp.close_at >= 0 else sp.end))
            if cue is not None and not _reports_before(doc, cue, sp, mentions, spans):
                covered.append(cue[0])  # the cue has its quotation: no reported speech from it
            if speaker is not None:
                last_speaker = speaker
                history.append(speaker)
        reported: list[tuple[int, int]] = []
        for (cs, ce), c in cue_spans:
            if any(a <= cs <= b for a, b in covered):
                continue
            if c.targets[0].kind == "verb" and any(a <= cs < b for a, b in reported):
                continue  # "أشار إلى أن روسيا تعتبر ...": a verb of what was said, not a new cue
            content = _reported_content(doc, c, cs, ce, mentions, spans)
            if content is None:
                continue
            speaker, via = _speaker(doc, lex, mentions, c, cs, ce, last_speaker, history, cue_spans)
            if speaker is None:
                continue
            reported.append(content)
            rule = f"reported:{c.targets[0].kind}"
            for who in [speaker, *_coordinated(doc, mentions, speaker, content[0])]:
                quotes.append(_quote(doc, lex, mentions, (cs, ce), content, who, via, False, rule))
            last_speaker = speaker
            history.append(speaker)
    doc.quotes = quotes


def _carry_over(text: str, following: list[tuple[int, int]], opener: str) -> int | None:
    """Where a quotation left open at the end of its paragraph closes, when the next paragraphs
    go on with it and one of them ends with the closing mark, no other mark before it (a quote
    over several paragraphs); None otherwise: a mark inside a paragraph is too ambiguous (the
    curly marks both open and close) to carry a quotation over."""
    closer = _OPEN.get(opener, '"')
    for s, e in following[:3]:
        marks = [m.start() for m in _ANY_MARK.finditer(text, s, e)]
        if not marks:
            continue  # a paragraph wholly inside the quotation
        i = marks[0]
        if len(marks) == 1 and text[i] in closer and not text[i + 1 : e].strip(" .،؛"):
            return i
        return None
    return None


def _coordinated(
    doc: Analysis, mentions: list[Mention], speaker: Mention, limit: int
) -> list[Mention]:
    """Speakers joined to the first one by و before the content ("أشار بوتين وعلييف إلى"):
    each of them said it, so each gets the quote."""
    out: list[Mention] = []
    kind = doc.actors[speaker.actor].kind
    prev = speaker
    for m in mentions:
        if m.start < prev.end or m.start >= limit:
            continue
        if doc.text[prev.end : m.start].strip() != "و" or doc.actors[m.actor].kind != kind:
            break
        if m.actor != speaker.actor:
            out.append(m)
        prev = m
    return out


def _reports_before(
    doc: Analysis,
    cue: tuple[tuple[int, int], Hit[Cue]],
    sp: _Span,
    mentions: list[Mention],
    spans: list[_Span],
) -> bool:
    """Whether the cue also reports, in its own words, a clause of its own before the quotation it
    introduces ("قال إن اللقاء غير مقرر، لكن «…»"): that part is a quote of its own."""
    (cs, ce), c = cue
    if ce > sp.open_at:
        return False
    content = _reported_content(doc, c, cs, ce, mentions, spans)
    if content is None or content[1] > sp.open_at:
        return False
    # the clause ends at a comma, a connective at most before the mark ("، لكن «"); without
    # one, the quotation ends the reported clause ("قال إن فلانا نقش اسمه «…»")
    lead = doc.text[content[0] : sp.open_at]
    comma = max(lead.rfind("،"), lead.rfind(","))
    return comma >= 0 and len(lead[:comma].split()) >= 3 and len(lead[comma + 1 :].split()) <= 2


def _inside_reported(
    doc: Analysis,
    cue: tuple[tuple[int, int], Hit[Cue]],
    sp: _Span,
    mentions: list[Mention],
    spans: list[_Span],
) -> bool:
    """A short quoted term after the cue's complementizer (أن، إلى) is a name inside what was
    reported ("أشار إلى تطوير ممر "شمال جنوب""), not the quotation the cue introduces."""
    (cs, ce), c = cue
    if doc.text[ce : sp.open_at].rstrip().endswith(":"):
        return False  # وقال بوتين: "نحن مستعدون للحوار": the colon opens the quotation itself
    if _COMPLEMENTIZER_AT.search(doc.text, ce, sp.open_at):
        return True
    content = _reported_content(doc, c, cs, ce, mentions, spans)
    return content is not None and content[0] <= sp.open_at


def _cue_for_direct(
    doc: Analysis, sp: _Span, cue_spans: list[tuple[tuple[int, int], Hit[Cue]]]
) -> tuple[tuple[int, int], Hit[Cue]] | None:
    """The cue of a direct quote: in the same sentence, before the quote (…قال: «) or right after it («…»، قال)."""
    assert doc.segmentation is not None
    sent = doc.segmentation.sentences[doc.segmentation.sentence_at(sp.open_at)]
    best = None
    for (cs, ce), c in cue_spans:
        if cs < sp.open_at and cs >= sent[0]:
            best = ((cs, ce), c)  # the last cue before the quote in its sentence
        elif (
            sp.close_at >= 0
            and 0 <= cs - sp.close_at <= 12
            and best is None
            and not re.search(r"[.!?؟]", doc.text[sp.close_at + 1 : cs])
        ):  # «…»، قال: the cue right after, in the same sentence ("…". أشار starts another)
            return ((cs, ce), c)
    return best


_FRONTED_SOURCE = re.compile(r"\s*[وف]?عن\s+")


def _speaker(
    doc: Analysis,
    lex: QuoteLexicon,
    mentions: list[Mention],
    c: Hit[Cue],
    cs: int,
    ce: int,
    last: Mention | None,
    history: list[Mention] | None = None,
    cues_before: list[tuple[tuple[int, int], Hit[Cue]]] | None = None,
) -> tuple[Mention | None, str | None]:
    text = doc.text
    kind = c.targets[0].kind
    sent = doc.sentence_of(cs)
    # mentions come in text order (argument_mentions): the sentence's stretch is a slice of them
    after = mentions[
        bisect_left(mentions, ce, key=_start) : bisect_left(mentions, sent[1], key=_start)
    ]
    before = [
        m
        for m in mentions[
            bisect_left(mentions, sent[0], key=_start) : bisect_right(mentions, cs, key=_start)
        ]
        if m.end <= cs
    ]
    if kind == "source":  # وفقا لـ X
        pronoun_next = c.targets[0].needs_l and [
            w.strip("،,؛:") for w in text[ce : ce + 7].split()[:1]
        ] in (["له"], ["لها"], ["لهم"], ["لهما"])
        if c.suffix or pronoun_next:  # وفقا له، بحسبه: the speaker named before
            persons = [m for m in before if doc.actors[m.actor].kind == "person"]
            return (last or (persons[-1] if persons else None)), None
        if after and after[0].start - ce <= 4:
            return after[0], None
        # "وبحسب الموقع؛": a definite noun for the outlet or person already named
        anaphor = _anaphor(doc, lex, mentions, text[ce : sent[1]], cs, history or [])
        return (anaphor[0] if anaphor else None), None
    if kind == "relay":  # نقلت X عن Y قوله
        m = re.search(r"(?:^|\s)(?:عن|إلى|الى)\s+", text[ce : sent[1]])
        if m:
            comp = _COMPLEMENTIZER_AT.search(text, ce + m.end(), sent[1])
            limit = comp.start() if comp else sent[1]
            spoken = [x for x in after if ce + m.end() <= x.start < limit] or [
                x for x in after if x.start >= ce + m.end()
            ]
            persons = [x for x in spoken if doc.actors[x.actor].kind == "person"]
            via_m = [x for x in after if x.start < ce + m.start()]
            anaphor = _anaphor(doc, lex, mentions, text[ce : sent[1]], cs, history or [])
            via = via_m[0].actor if via_m else (anaphor[0].actor if anaphor else None)
            if spoken:
                return (persons or spoken)[0], via
        # "وعن كوميرسانت أيضاً ننقل أن ...": the source fronted before the relaying verb
        fronted = _FRONTED_SOURCE.match(text, sent[0], cs)
        if fronted:
            named = [x for x in before if fronted.end() <= x.start <= fronted.end() + 2]
            if named:
                return named[0], None
        return None, None
    if kind == "participle":  # the subject of the clause before it
        main = _main_cue(doc, cues_before or [], sent[0], cs)
        if main is not None:  # "ويحذر فلان ... من فلان آخر، قائلا": the subject of the main verb
            (ms, me), mc = main
            subject, _ = _speaker(doc, lex, mentions, mc, ms, me, last, history)
            if subject is not None:
                return subject, None
        if before:
            return _subject_before(doc, before, cs), None
        return last, None
    # a finite verb: the subject after it (VSO), up to the complementizer or the quotation, a person
    # first (قال رئيس لجنة ... بمجلس الدوما، ليونيد سلوتسكي، إن ...); a definite noun standing for a
    # speaker named earlier (وقال الموقع); or an actor right before it (SVO)
    tail = text[ce : sent[1]]
    comp = _COMPLEMENTIZER_AT.search(tail)
    limit = ce + comp.start() if comp else sent[1]
    cands = [m for m in after if m.start < limit and len(text[ce : m.start].split()) <= 12]
    anaphor = _anaphor(doc, lex, mentions, tail, cs, history or ([last] if last else []))
    persons = [m for m in cands if doc.actors[m.actor].kind == "person"]
    if persons:  # "قال الخبير فلان": the noun is the name's title, not a pointer back
        return persons[0], None
    # the noun names the speaker itself when a mention begins with it or right after it ("أفادت
    # وكالة APA"، "قالت الوكالة الروسية تاس"): a pointer back only when no name follows it
    noun_end = ce + len(tail) - len(tail.lstrip()) + len((tail.split() or [""])[0])
    if anaphor is not None and (not cands or cands[0].start > noun_end + 1):
        return anaphor[0], None
    if cands and "،" not in text[ce : cands[0].start]:
        return cands[0], None
    if before and (
        len(text[before[-1].end : cs].split()) <= 1 or _RELATIVE.match(text[before[-1].end : cs])
    ):
        return before[-1], None
    if (
        c.targets[0].continuation
        or c.prefix.startswith("و")
        or _CONTINUATION_OPENERS.match(text[sent[0] : cs])
    ):
        return _dropped_subject(doc, mentions, cs, last), None
    persons = [m for m in before if doc.actors[m.actor].kind == "person"]
    if persons and re.search(r"(?:^|\s)(?:بل|ثم|حين|عندما)\s*$", text[sent[0] : cs]):
        # "لم يكتف بوتين بذلك، بل قال إن": the verb shares the subject of the clause before it
        return persons[0], None
    return None, None


def _dropped_subject(
    doc: Analysis, mentions: list[Mention], cs: int, last: Mention | None
) -> Mention | None:
    """Whom a cue with no subject of its own ("وقال إنه ...") goes on with: the last speaker, unless
    that was a person and the paragraph so far names other persons and not that one; then the
    first of them, the subject the paragraph is about ("حرص بوتين على ... وقال إنه")."""
    assert doc.segmentation is not None
    start = max((s for s, _ in doc.segmentation.paragraphs if s <= cs), default=0)
    persons = [
        m
        for m in mentions
        if start <= m.start and m.end <= cs and doc.actors[m.actor].kind == "person"
    ]
    if last is not None and doc.actors[last.actor].kind != "person":
        return last  # an organisation speaking ("وأضافوا"): persons named meanwhile are not it
    if not persons or (last is not None and any(m.actor == last.actor for m in persons)):
        return last
    return persons[0]


def _main_cue(
    doc: Analysis, cues: list[tuple[tuple[int, int], Hit[Cue]]], start: int, cs: int
) -> tuple[tuple[int, int], Hit[Cue]] | None:
    """The first non-participle cue of the sentence before a participle: the verb it hangs on.  None
    when a complementizer comes between them: the participle then belongs to the reported clause
    ("وقال الموقع إن فلانا زار باكو، مشيرا إلى ...": the visitor points, not the site)."""
    for (a, b), c in cues:
        if start <= a and b <= cs and c.targets[0].kind != "participle":
            if _COMPLEMENTIZER_AT.search(doc.text, b, cs):
                return None
            return (a, b), c
    return None


def _anaphor(
    doc: Analysis,
    lex: QuoteLexicon,
    mentions: list[Mention],
    tail: str,
    cs: int,
    history: list[Mention],
) -> tuple[Mention, int] | None:
    """ "الموقع" or "الخبير" right after the cue: the outlet or person last quoted, else the last one
    named before it (the article's own outlet, which merely translates, is not "the site")."""
    words = tail.split()[:1]
    if not words:
        return None
    noun = normalize_headword(words[0].strip("،,؛:"))
    refers = lex.anaphors.get(noun)
    if refers is None:
        return None

    def fits(m: Mention) -> bool:
        actor = doc.actors.get(m.actor)
        if actor is None:
            return False
        if refers == "media":
            own = doc.document.meta.outlet
            return actor.code.endswith("MED") and not (
                own and own in (actor.name, doc.text[m.start : m.end])
            )
        return actor.kind == "person"

    for m in reversed(history):
        if m.end <= cs and fits(m):
            return m, cs  # the outlet or person already being quoted
    for m in reversed(mentions):
        if m.end <= cs and fits(m):
            return m, cs
    return None


def _subject_before(doc: Analysis, before: list[Mention], cs: int) -> Mention:
    """The subject of the clause a participle (مشيرا، مؤكدا) hangs on: the first person named in
    that clause (the clause after the last complementizer), since the subject comes first and
    later persons are objects ("أجرى زيلينسكي مكالمة مع علييف، معبرا": Zelensky)."""
    clause = before[0].start
    for m in _COMPLEMENTIZER_AT.finditer(doc.text, before[0].start, cs):
        clause = m.end()
    persons = [m for m in before if doc.actors[m.actor].kind == "person"]
    in_clause = [m for m in persons if m.start >= clause]
    if in_clause:
        return in_clause[0]
    return persons[-1] if persons else before[0]


def _reported_content(
    doc: Analysis, c: Hit[Cue], cs: int, ce: int, mentions: list[Mention], spans: list[_Span]
) -> tuple[int, int] | None:
    text = doc.text
    sent = doc.sentence_of(cs)
    kind = c.targets[0].kind
    if kind == "source":
        start = sent[0]
        end = _rstrip(text, start, cs)
        if end - start > 10:  # "... وفقا لـ X": the content comes before the cue
            return start, end
        # "بحسب X فإن ..." / "وبحسبه، ...": the content follows the speaker
        m = re.search(r"(?:^|\s)(?:فإن|فان|فقد)\s+", text[ce : sent[1]]) or re.match(
            r"[^،,؛]{0,40}[،,؛]\s*", text[ce : sent[1]]
        )
        if m is None:
            return None
        start = ce + m.end()
        end = _rstrip(text, start, sent[1])
        return (start, end) if end - start > 10 else None
    tail = text[ce : sent[1]]
    m = _COMPLEMENTIZER.search(tail)
    reach = _RELAY_REACH if kind == "relay" else _SUBJECT_REACH
    if (m is None or m.start() > reach) and _KAMA_BEFORE.search(text, sent[0], cs):
        # "وكما ذكرت الهيئة، ...": the subject ends at a comma, what it said follows
        m = re.match(rf"[^،,؛]{{0,{reach}}}[،,؛]\s*", tail)
        if m is None:
            return None
        start = ce + m.end()
        end = _rstrip(text, start, sent[1])
        return (start, end) if end - start >= 8 else None
    if (m is None or m.start() > reach) and c.form in _ON_CUES:
        # "وشدد ماكرون على ضرورة وقف إطلاق النار": what is stressed follows على (not على هامش)
        m = _ON.search(tail)
    if m is None or m.start() > reach:
        return None
    if m.group().strip(" ،") in ("إلى", "الى") and c.form not in _TO_CUES:
        return None  # "أعلن ... إلى": a preposition, not the start of what was said
    start = ce + m.end()
    if c.form in _DESCRIBE_CUES and m.group().lstrip(" ،").startswith("ب"):
        # "وصف علييف العلاقات بأنها ...": what is described is part of what was said
        start = _after_subject(doc, mentions, ce, ce + m.start())
    end = _rstrip(text, start, sent[1])
    # stop at a quotation that the sentence also holds (it is its own record)
    for sp in spans:
        long_quote = len(text[sp.start : sp.end].split()) >= _MIN_DIRECT_WORDS
        if long_quote and start < sp.open_at < end:
            end = _rstrip(text, start, sp.open_at)
    if end - start < 8:
        return None
    if end >= _rstrip(text, start, sent[1]):
        end = _run_on(doc, end)
    return start, end


def _run_on(doc: Analysis, end: int) -> int:
    """Reported speech goes on into the next sentence of the paragraph when that sentence opens
    with an additive connective ("بالإضافة إلى ذلك،", "علاوة على ذلك،"): the same speaker's
    next point, with no cue of its own."""
    assert doc.segmentation is not None
    k = doc.segmentation.sentence_at(end)
    sentences = doc.segmentation.sentences
    para = next((p for p in doc.segmentation.paragraphs if p[0] <= end <= p[1]), None)
    while k + 1 < len(sentences) and para is not None:
        ns, ne = sentences[k + 1]
        if ns >= para[1] or not _ADDITIVE.match(doc.text, ns):
            break
        end = _rstrip(doc.text, ns, ne)
        k += 1
    return end


def _after_subject(doc: Analysis, mentions: list[Mention], ce: int, limit: int) -> int:
    """Where the words after a cue's subject begin: after the first actor named right after the
    cue (with the mentions nested in it), else right after the cue."""
    after = [x for x in mentions if ce <= x.start < limit]
    end = ce
    if after and len(doc.text[ce : after[0].start].split()) <= 3:
        end = max(x.end for x in after if x.start < after[0].end)
    rest = doc.text[end:limit]
    return end + len(rest) - len(rest.lstrip(" ،,"))


def _quote(
    doc: Analysis,
    lex: QuoteLexicon,
    mentions: list[Mention],
    cue: tuple[int, int],
    content: tuple[int, int],
    speaker: Mention | None,
    via: str | None,
    direct: bool,
    rule: str,
) -> Quote:
    about = _about(doc, lex, mentions, content, speaker.actor if speaker else None)
    return Quote(
        cue=cue,
        content=content,
        speaker=speaker.actor if speaker else None,
        direct=direct,
        rule=rule,
        speaker_span=(speaker.start, speaker.end) if speaker else None,
        via=via,
        about=about,
    )


def _about(
    doc: Analysis,
    lex: QuoteLexicon,
    mentions: list[Mention],
    content: tuple[int, int],
    speaker: str | None,
) -> list[tuple[str, float]]:
    s, e = content
    actors: list[str] = []
    for m in mentions:
        if s <= m.start and m.end <= e and m.actor != speaker and m.actor not in actors:
            actors.append(m.actor)
    if not actors:
        return []
    ns, ne = doc.norm.span_to_normalized(s, e)
    hits: list[Hit[float]] = find_forms(lex.tone_automaton(), doc.norm.text, _tone_accept, ns, ne)
    tone = sum(h.targets[0] for h in hits)
    stance = max(-1.0, min(1.0, tone))
    return [(a, round(stance, 2)) for a in actors]
