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
  the recent day its paragraph has set (``narrative``), else the news day of an
  article dated only to the month (``news-day``, see :mod:`marsad.time`), else
  the publication date (``date_basis`` says which);
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

This module holds the stage's loop, the checks on each trigger and the rules of diplomatic acts
(:func:`_event`); the helpers live in modules of one concern each: :mod:`.affixes` (clitics),
:mod:`.index` (the per-document index and prepositions), :mod:`.arguments` (coordination, lists,
groups, titles and the other argument helpers), :mod:`.generic` (actors made from common nouns),
:mod:`.contentious` (violence and protest), :mod:`.finish` (the event once its actors are known),
:mod:`.status` and :mod:`.dating`. Names imported from here before that split stay importable
from here.
"""

from __future__ import annotations

import re
from functools import cache

from marsad.events.affixes import _accept, _unwaw
from marsad.events.arguments import (
    _COORDINATION,
    _DEFAULT_TARGET_PREPS,
    _LOCATION_PREPS,
    _SVO_GAP,
    _agent_phrase,
    _agrees,
    _Arg,
    _cc,
    _clause_end,
    _conjuncts,
    _context_target,
    _dedupe,
    _dual,
    _dual_verb,
    _genitive,
    _governed,
    _group_subject,
    _in_title_span,
    _issuer,
    _last_list,
    _list_opening,
    _nisba_pair,
    _object_state,
    _own_outlet,
    _quote_around,
    _resumptive,
    _shared_subject,
    _side_of,
    _state_id,
    _title_start,
    _titled,
    _topic_after_auxiliary,
    _unnamed_subject,
    _visitor,
    _within,
)
from marsad.events.clauses import unaffiliated_source
from marsad.events.contentious import _ACT_KINDS, _contentious
from marsad.events.dating import recalled_day, refine_recalled
from marsad.events.finish import _finish
from marsad.events.generic import GENERIC_PREFIX as GENERIC_PREFIX
from marsad.events.generic import _Generic, _generic_mentions, _register
from marsad.events.generic import is_generic as is_generic
from marsad.events.index import TITLE_STARTS, _DocIndex
from marsad.events.index import _prep_before as _prep_before
from marsad.events.lexicon import (
    EntryCues,
    EventLexicon,
    TriggerEntry,
    TriggerForm,
    get_event_lexicon,
)
from marsad.events.status import _demonstrative, _first_person, _passive, _requested
from marsad.events.venue import _INVITATIONS, _territory, _to_a_place, recode_hosted
from marsad.model import Analysis, Event, Mention, TimeExpression, argument_mentions
from marsad.text.match import Hit, find_forms_in_spans
from marsad.text.normalize import normalize_word

_REFINE_WINDOW = 6
_TARGETLESS_ROOTS = frozenset({"14", "15", "18", "19", "20"})


def events_stage(doc: Analysis) -> None:
    """Add the events the document reports (the pipeline stage)."""
    extract(doc, get_event_lexicon())


def extract(doc: Analysis, lex: EventLexicon) -> None:
    """Add the events the document reports to ``doc.events``."""
    try:
        _extract(doc, lex)
    finally:
        doc.extras.pop(
            TITLE_STARTS, None
        )  # the index's view for the helpers lives as long as the stage


def _extract(doc: Analysis, lex: EventLexicon) -> None:
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
    recalls: list[tuple[int, str, TimeExpression]] = []  # definite nouns of acts, with their day
    for (s, e), (ns, ne), hits in zip(sentences, spans, found, strict=True):
        if not hits:
            continue
        sent_mentions = _dedupe(_within(mentions, starts, s, e))
        generic: list[_Generic] | None = None
        ix.requested = _requested(lex, norm, hits)
        ix.triggers = [nz.span_to_original(h.wstart, h.wend) for h in hits]
        ix.duals = lex.has_dual(norm[ns:ne])
        for h in hits:
            if len(h.targets) > 1:
                h = _first_fitting(lex, norm, h)
            form = h.targets[0]
            if form.kind == "noun" and h.prefix.endswith("ال"):
                day = recalled_day(doc, nz.to_original(h.wend), (s, e))
                if day is not None:
                    recalls.append(
                        (nz.to_original(h.start), lex.triggers[form.entry].cameo[:3], day)
                    )
            if (
                form.kind == "verb"
                and h.suffix.startswith("ه")
                and nz.original[nz.to_original(h.end)] == "ة"
            ):
                continue  # وزارة is not و + زار + ه: a verb never ends in taa marbuta
            first = h.form.split(maxsplit=1)[0]
            if (
                form.kind in ("verb", "phrase")
                and first in lex.hamza_final()
                and nz.original[nz.to_original(h.start + len(first) - 1)] != "أ"
            ):
                continue  # هنا ("here") is not هنأ ("congratulated")
            if _inside_a_name(doc, sent_mentions, h):
                continue  # منظمة معاهدة الأمن الجماعي، مجلس التعاون: a word of a name, not an act
            entry = lex.triggers[form.entry]
            cues = lex.cues(entry)
            if not _context_ok(cues, norm, h, entry.requires_window):
                continue
            if entry.id in lex.words("framing") and _frames_next(lex, norm, h, hits):
                continue
            if _setting(lex, norm, h, hits):
                continue
            if form.kind == "noun" and _demonstrative(lex, norm, h):
                continue  # "هذه الزيارة": an act told before, coded where it was told
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
    refine_recalled(doc, recalls)


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


def _window(norm: str, h: Hit[TriggerForm], n: int, after: bool) -> list[str]:
    """Up to ``n`` words after (or before) the trigger's word, read from a bounded slice of text."""
    span = 40 * (n + 1)
    if after:
        return norm[h.wend : h.wend + span].split()[:n]
    return norm[max(0, h.wstart - span) : h.wstart].split()[-n:]


def _context_ok(cues: EntryCues, norm: str, h: Hit[TriggerForm], requires_window: int) -> bool:
    # (a substring test first: most windows hold no cue at all, and the pattern is slower)
    if cues.requires:
        near = " ".join(_window(norm, h, requires_window, True))
        if not (
            any(map(near.__contains__, cues.requires))
            and _cue_at_word_start(cues.requires).search(near)
        ):
            return False
    if cues.excludes:
        near = " ".join(_window(norm, h, 3, True) + _window(norm, h, 3, False))
        if any(map(near.__contains__, cues.excludes)) and _cue_at_word_start(cues.excludes).search(
            near
        ):
            return False
    return True


@cache
def _cue_at_word_start(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Cue words found where a word begins, after its proclitics (و، ف، ب، ل، ك، ال): the
    excluded خط (a line of play) is no part of خطف, nor الدفاع of مدافع."""
    alternatives = "|".join(map(re.escape, sorted(set(cues), key=len, reverse=True)))
    return re.compile(rf"(?:^|(?<=\s))[وفبلك]{{0,2}}(?:ال)?(?:{alternatives})")


def _first_fitting(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> Hit[TriggerForm]:
    """A form that two entries share (أطلقت: set free, or fire) is read as the first entry whose
    required and excluded words fit the context ("أطلقت حماس سراح" / "أطلقت إيران صواريخ"): the
    hit comes back with that entry's target first."""
    for k, t in enumerate(h.targets):
        entry = lex.triggers[t.entry]
        if _context_ok(lex.cues(entry), norm, h, entry.requires_window):
            if k == 0:
                return h
            rest = h.targets[:k] + h.targets[k + 1 :]
            return Hit(h.start, h.end, h.wstart, h.wend, h.prefix, h.suffix, h.form, (t, *rest))
    return h


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
    elif (pair := _dual(doc, lex, h, all_mentions, ts, ix.duals)) is not None:
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
            free = [m for m in bare if ix.free(m)]
            if bare:
                subject = (free or bare)[-1]
                rule += ":governed"
                if gen is not None and _cc(doc, gen.mention.actor) != _cc(doc, subject.actor):
                    target = [gen.mention.actor]
        if (
            subject is None
            and h.prefix.lstrip("وف") == "ل"
            # ل of purpose takes the imperfect (ليتصل، ليقدم تهانيه); لبحث and لتوسيع are nouns
            and h.form[:1] in (("ي", "ت") if form.kind == "verb" else ("ي",))
            and form.kind in ("verb", "phrase")
            and not any(a.prep == "" and ix.free(a.mention) for a in after_in_clause[:1])
        ):
            # "بادر علييف بانتهاز ذكرى ميلاد بوتين ليتصل به": a verb of purpose with no subject
            # of its own goes on with the main clause's subject (the first actor outside a
            # prepositional phrase), not the actor named last before it
            free = [m for m in before if not ix.prep(m) and ix.free(m)]
            if free:
                subject = _list_opening(doc, sent_mentions, free[0], ix)
                rule += ":purpose"
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
            elif gen is not None and not (form.kind == "noun" and h.suffix):
                # (a noun with a pronoun on it, رحلته، لقائه, is already annexed: the actor
                # after it is no genitive)
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
                # "رحلته": the masculine singular pronoun names a man (the last person named
                # before, if any), not the organisation or state named last
                persons = [m for m in before if doc.actors[m.actor].kind == "person"]
                subject = persons[-1] if h.suffix == "ه" and persons else before[-1]
                rule += ":pronoun"
        if subject is None and form.kind == "verb" and _resumptive(lex, nz.text, h):
            # "أصدرت الخارجية بيانا حذرت فيه باكو": a verb with a pronoun pointing back (فيه،
            # خلاله) opens a relative clause on the noun before it; who issued or held that acts,
            # and the actor after the pronoun is the object, not the subject
            bare = [m for m in before if not ix.prep(m) and ix.free(m)]
            if bare:
                subject = _list_opening(doc, sent_mentions, bare[-1], ix)
                rule += ":relative-clause"
                obj = next((a for a in after_in_clause if a.prep == ""), None)
                if obj is not None and not target:
                    target = [obj.mention.actor]
        # a trigger phrase that is a definite noun phrase (الحشد العسكري) takes its arguments as a
        # noun does, not as a verb with a subject before or after it
        nounish = form.kind == "noun" or (form.kind == "phrase" and h.form.startswith("ال"))
        if subject is None and not nounish:
            if (
                before
                and _SVO_GAP.match(normalize_word(text[before[-1].end : ts]) + " ")
                and ix.free(before[-1])
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
                    and _agrees(lex, h, shared.actor)
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
                if a.prep in ("الي", "قبل") and len(text[te : a.mention.start].split()) <= 12:
                    # (a few words on: "... من قبل علييف" thirty words later ends another clause)
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
            if place is None:
                # "اعتقال صحفيين في مدينة يكاترينبورغ": a city or region of a state the document
                # names, after في
                place = _territory(doc, ix, te, clause_end)
            if place is not None:
                subject = place
                rule += ":territorial"
        if subject is None and quoted is not None and not violent:
            subject = quoted
            rule += ":speaker"
        # "التي وصفتها وزارة الخارجية": the subject stands after the verb, tied to no state; no
        # actor named before (nor in the sentence before) stands in for it
        unnamed = subject is None and form.kind == "verb" and _unnamed_subject(doc, h)
        if subject is None and before and not violent and not unnamed:
            # the actor named last, or the whole list it closes ("أجرى رئيسا بيلاروس وطاجيكستان،
            # فلان وفلان، لقاء"); one inside a prepositional phrase ("في مكتب وكالة ...") is a
            # place or a possessor, so the last one outside such a phrase comes first
            free = [m for m in before if ix.free(m)]
            subject = _list_opening(doc, sent_mentions, (free or before)[-1], ix)
            rule += ":nearest-before"
        # a verbal noun with no actor in its own sentence names a topic (العقوبات، الرحلة), not
        # a report whose agent the sentence before would give: only verbs reach back
        if subject is None and not violent and form.kind not in ("noun", "phrase") and not unnamed:
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
            and all(
                _cc(doc, a.mention.actor) in sides
                for a in candidates
                if a.prep not in _LOCATION_PREPS  # "في موسكو" is where, not a third party
            )
        ):
            # "التقى بوتين وعلييف": a symmetric act between the coordinated parties (other states)
            first_cc = _cc(doc, source[0])
            source, target = source[:1], [x for x in source[1:] if _cc(doc, x) != first_cc]
        if not target and entry.cameo == _VISIT:
            # "رحلته مع غريمه الرئيس الأذري إلى البيت الأبيض": a visit goes where إلى says; who
            # comes along (مع and its apposition) is not the one visited
            dest = next(
                (
                    a
                    for a in candidates
                    if a.prep == "الي"
                    and _cc(doc, a.mention.actor) != own
                    and doc.actors[a.mention.actor].kind in ("country", "organization")
                ),
                None,
            )
            if dest is not None:
                target = [dest.mention.actor]
                rule += ":to"
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
        if not target and form.kind in ("verb", "phrase"):
            state = _object_state(doc, h, subject)
            if state is not None and state != own:
                target = [_state_id(doc, state)]
                rule += ":object-nisba"
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
    if (
        code == entry.cameo
        and entry.id in _INVITATIONS
        and _to_a_place(doc, ix, after_in_clause, te, clause_end)
    ):
        # "دعا نظراءه ... إلى سانت بطرسبورغ": a call to come to a place is an invitation
        code = _INVITATIONS[entry.id]
        rule += ":to-a-place"
    return _finish(doc, lex, h, sentence, source, target, rule, after, code, ix)


_VISIT = "042"


_HOSTILE_ROOTS = frozenset({"11", "12", "13", "16", "17"})


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
