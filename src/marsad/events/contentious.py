"""Acts of violence and protest (PLOVER ASSAULT and PROTEST), read with rules of their own.

Their agent must be in the sentence, named or a common noun that stands for one; mentions that
report no act (background, relative clauses, imperfect verbs, unanchored verbal nouns) are left
out; the fallbacks of diplomatic acts do not apply. See the docstring of
:mod:`marsad.events.extract` for the whole list.
"""

from __future__ import annotations

import re

from marsad.actors.lexicon import get_lexicon as get_actor_lexicon
from marsad.events.affixes import _accept, _accept_generic, _since_last, _unwaw
from marsad.events.arguments import (
    _COORDINATION,
    _DEFAULT_TARGET_PREPS,
    _LOCATION_PREPS,
    _SVO_GAP,
    _agent_phrase,
    _Arg,
    _cc,
    _clause_end,
    _context_target,
    _dedupe,
    _genitive,
    _governed,
    _object_state,
    _state_id,
)
from marsad.events.finish import _finish
from marsad.events.generic import GENERIC_PREFIX, _Generic, _nisba, is_generic
from marsad.events.index import _DocIndex
from marsad.events.lexicon import (
    ActKind,
    EntryCues,
    EventLexicon,
    GenericGroup,
    TriggerEntry,
    TriggerForm,
)
from marsad.events.status import _asks_whether, _passive
from marsad.model import Actor, Analysis, Event, Mention, country_part
from marsad.text.match import Hit, find_forms
from marsad.text.normalize import normalize_headword, normalize_word

# between a counted crowd and its verb: "الآلاف من النيباليين قد خرجوا"
_CROWD_GAP = re.compile(r"^\s*من\s+\S+(?:\s+\S+)?\s*(?:(?:قد|لقد)\s*)?$")


# PLOVER categories whose acts are read by :func:`_contentious`
_ACT_KINDS: dict[str, ActKind] = {"ASSAULT": "violence", "PROTEST": "protest"}


# acts done to people: a crowd right after one of them is acted upon (اعتقلت عشرات المتظاهرين)
_DONE_TO_PEOPLE = frozenset({"ASSAULT", "COERCE"})


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
        if not target and fkind in ("verb", "phrase"):
            by_nisba = _object_state(doc, h, subject)
            if by_nisba is not None and by_nisba != _cc(doc, subject.actor):
                target = [_state_id(doc, by_nisba)]
                rule += ":object-nisba"
        if not target and not is_generic(subject.actor):
            other = _context_target(doc, all_mentions, ts, own, ix)
            if other is not None:
                target = [other]
                rule += ":context-target"
    if source == target:
        return None
    event = _finish(doc, lex, h, sentence, source, target, rule, after, code, ix)
    if event.status == "asserted" and _asks_whether(text, sentence):
        event.status = (
            "hypothetical"  # a question whether asserts nothing: "هل اغتالت إسرائيل ...؟"
        )
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
    if not prev:
        return False
    nouns = lex.words("masdar_before")
    # "بمحاولة قتل"، "لعملية خطف": the noun of events may carry ب or ل itself
    return prev[0] in nouns or (prev[0][:1] in "بل" and prev[0][1:] in nouns)


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
    before = norm[max(0, h.wstart - 160) : h.wstart]
    clause = before[_since_last(before, _CLAUSE_MARKS) :]
    words = [
        normalize_headword(_unwaw(w.strip('"«»'))) for w in clause.split()[-_BACKGROUND_REACH:]
    ]
    return any(w in frames for w in words)


_CLAUSE_MARKS = ".،,:؛\n"
_BACKGROUND_REACH = 8


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
