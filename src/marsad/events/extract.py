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
  the publication date at month precision (``date_basis`` says which);
- **place**: a place named after في in the sentence.

One event per act per document: repeats (same actors, code and date) count once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.lexicon import EventLexicon, TriggerEntry, TriggerForm, get_event_lexicon
from marsad.model import Analysis, Event, Mention, Status, argument_mentions, country_part
from marsad.text.match import Hit, find_forms
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
_COORDINATION = frozenset({"و", "،", "، و", "،و", ",", ", و"})  # "X وY", "X، Y وZ"
_TARGETLESS_ROOTS = frozenset({"14", "15", "18", "19", "20"})
_CLAUSE_BREAK = re.compile(r"[؛;:]|،\s*(?:و|حيث|بينما|فيما|الذي|التي)\b")


@dataclass(slots=True)
class _Arg:
    mention: Mention
    prep: str  # normalized preposition introducing it ('' for none)


def _accept(prefix: str, suffix: str, t: TriggerForm) -> bool:
    if t.kind == "verb":
        return prefix in _VERB_PREFIXES and suffix in _ENCLITICS
    if t.kind == "phrase":
        return prefix in _NOUN_PREFIXES or prefix in _VERB_PREFIXES
    return prefix in _NOUN_PREFIXES and suffix in _ENCLITICS


def events_stage(doc: Analysis) -> None:
    """Add the events the document reports (the pipeline stage)."""
    extract(doc, get_event_lexicon())


def extract(doc: Analysis, lex: EventLexicon) -> None:
    assert doc.segmentation is not None, "segment stage has not run"
    nz = doc.norm
    norm = nz.text
    seen: set[tuple[object, ...]] = set()
    mentions = argument_mentions(doc)
    for s, e in doc.segmentation.sentences:
        ns, ne = nz.span_to_normalized(s, e)
        hits = find_forms(lex.automaton(), norm, _accept, ns, ne, original=nz)
        if not hits:
            continue
        sent_mentions = _dedupe([m for m in mentions if s <= m.start and m.end <= e])
        for h in hits:
            form = h.targets[0]
            if (
                form.kind == "verb"
                and h.suffix.startswith("ه")
                and nz.original[nz.to_original(h.end)] == "ة"
            ):
                continue  # وزارة is not و + زار + ه: a verb never ends in taa marbuta
            entry = lex.triggers[form.entry]
            if not _context_ok(entry, norm, h):
                continue
            event = _event(doc, lex, entry, form, h, (s, e), sent_mentions, mentions)
            if event is None:
                continue
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


def _window(norm: str, h: Hit[TriggerForm], n: int, after: bool) -> list[str]:
    if after:
        return norm[h.wend :].split()[:n]
    return norm[: h.wstart].split()[-n:]


def _context_ok(entry: TriggerEntry, norm: str, h: Hit[TriggerForm]) -> bool:
    if entry.requires:
        near = " ".join(_window(norm, h, 4, True))
        if not any(normalize_word(w) in near for w in entry.requires):
            return False
    if entry.excludes:
        near = " ".join(_window(norm, h, 3, True) + _window(norm, h, 3, False))
        if any(normalize_word(w) in near for w in entry.excludes):
            return False
    return True


def _refined_code(entry: TriggerEntry, norm: str, h: Hit[TriggerForm]) -> str:
    near = " ".join(_window(norm, h, 4, True))
    for r in entry.refine:
        if any(normalize_word(c) in near for c in r.cue):
            return r.cameo
    return entry.cameo


def _prep_before(doc: Analysis, m: Mention) -> str:
    """The preposition introducing a mention: an attached one (لروسيا) or the word before it."""
    text = doc.text
    i = m.start
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '،,؛;:"«»()':
        j -= 1
    attached = normalize_word(text[j:i])
    for p in ("وب", "ول", "فب", "فل", "ب", "ل", "ك"):
        if attached == p or attached == p + "ل" or attached == p + "ال":
            return p[-1] if p[-1] in "بلك" else p
    k = j
    while k > 0 and text[k - 1].isspace():
        k -= 1
    w0 = k
    while w0 > 0 and not text[w0 - 1].isspace():
        w0 -= 1
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
) -> Event | None:
    nz = doc.norm
    ts, te = nz.span_to_original(h.wstart, h.wend)
    text = doc.text
    before = [m for m in sent_mentions if m.end <= ts]
    after = [_Arg(m, _prep_before(doc, m)) for m in sent_mentions if m.start >= te]
    # stay in the trigger's clause
    clause_end = sentence[1]
    cb = _CLAUSE_BREAK.search(text, te, sentence[1])
    if cb:
        clause_end = cb.start()
    after_in_clause = [a for a in after if a.mention.start < clause_end]
    source: list[str] = []
    target: list[str] = []
    rule = f"trigger:{entry.id}:{form.kind}"
    pronoun = h.suffix in ("ه", "ها", "هم", "هما")
    # symmetric "بين X وY"
    if (
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
        governed = form.kind == "noun" and _governed(lex, nz.text, h)
        if subject is None and governed:
            # "حاولت أذربيجان استفزاز فرنسا"، "فتحت باكو حدودها لإجلاء المواطنين": the noun's agent is the
            # main clause's subject, and the actor in construct with it is the one acted upon
            gen = _genitive(doc, te, after_in_clause)
            bare = [m for m in before if not _prep_before(doc, m)]
            if bare:
                subject = bare[-1]
                rule += ":governed"
                if gen is not None and _cc(doc, gen.mention.actor) != _cc(doc, subject.actor):
                    target = [gen.mention.actor]
        if subject is None and form.kind in ("noun", "phrase") and not _passive(nz.text, h):
            gen = _genitive(doc, te, after_in_clause)
            if gen is not None:
                subject = gen.mention
                rule += ":genitive"
                if pronoun and before:  # "في استقباله X": X hosts, the pronoun is the guest
                    guests = [m for m in before if m.actor != subject.actor]
                    if guests:
                        target = [guests[-1].actor]
            elif pronoun and before:
                subject = before[-1]
                rule += ":pronoun"
        if subject is None and form.kind != "noun":
            if before and _SVO_GAP.match(normalize_word(text[before[-1].end : ts]) + " "):
                subject = before[-1]
                rule += ":svo"
            else:
                for a in after_in_clause:
                    if a.prep == "":
                        subject = a.mention
                        rule += ":vso"
                        break
        if subject is None and form.kind == "noun" and _passive(nz.text, h):
            for a in after_in_clause:
                if a.prep in ("الي", "قبل", "من"):
                    subject = a.mention
                    rule += ":passive-agent"
                    break
        # an explosion or a crash names no one by itself: the fallbacks below hold for verbal
        # and diplomatic acts, not for violence (roots 18-20), whose agent must be in the clause
        violent = entry.cameo[:2] in ("18", "19", "20")
        if subject is None and quoted is not None and not violent:
            subject = quoted
            rule += ":speaker"
        if subject is None and before and not violent:
            subject = before[-1]
            rule += ":nearest-before"
        if subject is None and not violent:
            prev = [m for m in all_mentions if m.end <= sentence[0]]
            if prev:
                subject = prev[-1]
                rule += ":previous-sentence"
        if subject is None:
            return None
        source = [subject.actor]
        preps = tuple(normalize_word(p) for p in entry.target_preps) or _DEFAULT_TARGET_PREPS
        candidates = [
            a for a in after_in_clause if a.mention.start > subject.start or subject.start < ts
        ]
        own = _cc(doc, subject.actor)
        for a in candidates if not target else []:
            if a.mention is subject or _cc(doc, a.mention.actor) == own:
                continue
            if a.prep in _LOCATION_PREPS:
                continue
            if a.prep in preps or (a.prep == "" and form.kind in ("verb", "noun")):
                target = [a.mention.actor]
                # coordinated targets: "X وY"
                idx = after_in_clause.index(a)
                for b in after_in_clause[idx + 1 :]:
                    gap = normalize_word(text[a.mention.end : b.mention.start])
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
            other = _context_target(doc, all_mentions, ts, own)
            if other is not None:
                target = [other]
                rule += ":context-target"
    if source == target:
        return None
    if not target and entry.cameo[:2] not in _TARGETLESS_ROOTS:
        return None
    code = _refined_code(entry, nz.text, h)
    cameo = lex.code(code)
    status = _status(lex, nz.text, h)
    date, basis, dspan = _date(doc, ts, sentence)
    if basis == "publication" and _is_reference(lex, nz.text, h):
        date, basis, rule = None, None, rule + ":reference"
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
        date=date,
        date_basis=basis,
        date_span=dspan,
        location=location,
    )


def _cc(doc: Analysis, actor_id: str) -> str:
    actor = doc.actors.get(actor_id)
    return country_part(actor.code) if actor else actor_id


def _context_target(doc: Analysis, mentions: list[Mention], ts: int, own: str) -> str | None:
    """The nearest actor of another state named before the trigger in its paragraph or the one before.

    An act reported without its target is, in news prose, most often aimed at the other party of
    the pair the passage is about; the rule name says when a target came from context.
    """
    assert doc.segmentation is not None
    paras = doc.segmentation.paragraphs
    k = next((i for i, (s, e) in enumerate(paras) if s <= ts < e), 0)
    lo = paras[max(0, k - 1)][0]
    for m in reversed(mentions):
        if m.end > ts:
            continue
        if m.start < lo:
            break
        cc = _cc(doc, m.actor)
        if cc not in (own, "---") and doc.actors.get(m.actor) is not None:
            return m.actor
    return None


def _dual(
    doc: Analysis, lex: EventLexicon, h: Hit[TriggerForm], mentions: list[Mention], ts: int
) -> tuple[str, str] | None:
    """ "التقى الرئيسان" / "اتفق البلدان": the two parties named last before the trigger."""
    duals = lex.modality.get("duals") or {}
    words = [normalize_headword(_unwaw(w)) for w in doc.norm.text[h.wend : h.wend + 20].split()[:1]]
    words += [
        normalize_headword(_unwaw(w))
        for w in doc.norm.text[max(0, h.wstart - 20) : h.wstart].split()[-1:]
    ]
    kinds = {
        k
        for k, forms in duals.items()
        for w in words
        if w in {normalize_headword(f) for f in forms}
    }
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


def _governed(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A verbal noun of purpose (لإجلاء، لتقليص) or governed by a control verb (حاولت استفزاز)."""
    if "ل" in h.prefix.replace("ال", ""):
        return True
    control = {normalize_word(w) for w in lex.modality.get("control", [])}
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()]
    return bool(before) and (before[-1] in control or " ".join(before[-2:]) in control)


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
    prev = norm[: h.wstart].split()[-1:]
    return bool(prev) and prev[0] in ("تم", "وتم", "فتم", "يتم", "سيتم", "جري", "وجري", "يجري")


def _genitive(doc: Analysis, te: int, after: list[_Arg]) -> _Arg | None:
    """The agent in construct with a verbal noun: the first actor after it, a few title words away."""
    if not after or after[0].prep:
        return None
    gap = doc.text[te : after[0].mention.start]
    if any(ch in gap for ch in '،,.؛:"«»'):
        return None
    if len(gap.split()) > _GEN_GAP_MAX_WORDS:
        return None
    return after[0]


def _status(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> Status:
    mod = lex.modality
    before = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()]
    last2 = " ".join(before[-2:])
    last3 = " ".join(before[-3:])
    last = before[-1] if before else ""
    neg = {normalize_word(w) for w in mod["negated"]["before"]}
    if (
        last in neg
        or last2 in neg
        or (len(before) >= 2 and before[-2] in neg and last in ("يتم", "تتم"))
    ):
        return "negated"
    if "س" in h.prefix or last in ("سوف", "وسوف"):
        return "planned"
    planned = {normalize_word(w) for w in mod["planned"]["before"]}
    if any(p in last3 or p == last for p in planned):
        return "planned"
    after_words = norm[h.wend : h.wend + 30].split()[:2]
    planned_after = {normalize_word(w) for w in mod["planned"]["after"]}
    if any(w in planned_after for w in after_words) and h.targets[0].kind != "verb":
        return "planned"
    hypo = {normalize_word(w) for w in mod["hypothetical"]["before"]}
    window = " ".join(before[-6:])
    if any(f" {p} " in f" {window} " for p in hypo):
        return "hypothetical"
    may = {normalize_word(w) for w in mod["may"]}
    if last in may and h.targets[0].kind == "verb" and h.form[:1] in "يتنا":
        return "hypothetical"
    return "asserted"


def _is_reference(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A verbal noun framed as a past matter (صفحة تحطم، على خلفية اعتقال), not a report of a new act."""
    frames = {normalize_headword(w) for w in lex.modality.get("reference", {}).get("before", [])}
    words = [
        normalize_headword(_unwaw(w.strip('"،,')))
        for w in norm[max(0, h.wstart - 120) : h.wstart].split()
    ]
    if any(w in frames for w in words[-2:]):
        return True
    # "صفحة تحطم الطائرة، واعتقال مواطنين": a noun coordinated with a framed one
    return h.prefix.startswith("و") and any(w in frames for w in words[-12:])


def _unwaw(word: str) -> str:
    """A function word without the conjunction glued to it (ولن -> لن, فإذا -> اذا)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _date(
    doc: Analysis, ts: int, sentence: tuple[int, int]
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    inside = [t for t in doc.timexes if sentence[0] <= t.start and t.end <= sentence[1]]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - ts))
        return best.value, "expression", (best.start, best.end)
    pub = doc.document.meta.published
    if pub:
        return pub[:7], "publication", None
    return None, None, None


def _location(
    doc: Analysis, sentence: tuple[int, int], after: list[_Arg]
) -> tuple[int, int] | None:
    for a in after:
        actor = doc.actors.get(a.mention.actor)
        if a.prep == "في" and actor is not None and actor.kind in ("country",):
            return (a.mention.start, a.mention.end)
    return None
