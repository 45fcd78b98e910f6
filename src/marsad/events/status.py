"""Whether an act is asserted, planned, negated or hypothetical, and the verb-form cues the
argument rules share with it (first person, passive after تم); which acts a request or an aid
asks for or aims at (planned, :func:`_requested`), and which are told again after a
demonstrative (هذه الزيارة: not coded twice).

Status reads only the words around the trigger and the modality lexicon, never the actors, so it
is kept apart from the argument rules.
"""

from __future__ import annotations

import re

from marsad.events.affixes import _since_last, _unwaw
from marsad.events.lexicon import EventLexicon, TriggerForm
from marsad.model import Status
from marsad.text.match import Hit
from marsad.text.normalize import normalize_headword, normalize_word


def _first_person(norm: str, h: Hit[TriggerForm]) -> bool:
    """A first-person verb: نـ/سنـ imperfect (ندعم، سنقدم) or a verb after نحن / أنا."""
    if h.form.startswith("ن") and "ن" not in h.prefix:
        return True
    prev = norm[max(0, h.wstart - 12) : h.wstart].split()[-1:]
    return bool(prev) and _unwaw(prev[0]) in ("نحن", "انا")


def _passive(norm: str, h: Hit[TriggerForm]) -> bool:
    prev = norm[max(0, h.wstart - 40) : h.wstart].split()[-1:]
    return bool(prev) and prev[0] in ("تم", "وتم", "فتم", "يتم", "سيتم", "جري", "وجري", "يجري")


def _not_only(norm: str, h: Hit[TriggerForm]) -> bool:
    """ "لم أعتذر فقط ... بل": "not only ... but also" asserts the act it seems to deny."""
    after = norm[h.wend : h.wend + 120].split()
    return "فقط" in after[:3] and any(_unwaw(w) == "بل" for w in after[:20])


def _status(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> Status:
    """The status of the act a trigger names, read from the words before (and, for a noun,
    after) it."""
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
    # a cue equal to the last word is in the last three words too: one test covers both (whole
    # words: سوف is not the start of السوفياتية)
    if any(map(f" {last3} ".__contains__, lex.spaced("planned", "before"))):
        return "planned"
    if _expected_clause(lex, norm, h):
        return "planned"
    if h.targets[0].kind != "verb":  # the words after a noun: "الزيارة المرتقبة"
        if _predicate_after(lex, norm, h, "negated"):
            return "negated"  # "لقاء بين الرئيسين الروسي والأذربيجاني غير مخطط له"
        after_words = norm[h.wend : h.wend + 30].split()[:2]
        if not lex.words("planned", "after").isdisjoint(after_words):
            return "planned"
        if not lex.words("hypothetical", "after").isdisjoint(after_words):
            return "hypothetical"
    window = f" {' '.join(before[-6:])} "
    if any(map(window.__contains__, lex.spaced("hypothetical", "before"))):
        return "hypothetical"
    may = lex.words("may")
    if last in may and h.targets[0].kind in ("verb", "phrase") and _imperfect(lex, h):
        return "hypothetical"  # قد يزور: may visit; قد زار، قد اتصل، قد توصل: has done
    return "asserted"


# how far back in its clause "من المتوقع أن" still governs a trigger (its verb, the subject and
# the object: "من المتوقع أن تتناول القمة المنتظرة بين بوتين وعلييف مفاوضات السلام")
_EXPECTED_REACH = 12


def _expected_clause(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """Whether the trigger stands in the clause a planned cue ending in أن opens (من المتوقع أن،
    من المقرر أن): every act of that clause is expected, not done."""
    before = norm[max(0, h.wstart - 160) : h.wstart]
    if " ان " not in before:
        return False  # (no أن at all: the common case, found cheaply)
    clause = before[_since_last(before, ".،,؛:") :]
    ends = [m.end() for m in lex.clause_openers().finditer(clause)]
    # the last one counts: it opens the clause the trigger is in
    return bool(ends) and len(clause[ends[-1] :].split()) <= _EXPECTED_REACH


# how many words after a verbal noun its predicate may come (past the noun's complements)
_PREDICATE_REACH = 8


def _predicate_after(lex: EventLexicon, norm: str, h: Hit[TriggerForm], key: str) -> bool:
    """Whether one of the ``after`` cues of ``key`` stands within :data:`_PREDICATE_REACH` words
    after the trigger, in its clause."""
    cues = lex.spaced(key, "after")
    if not cues:
        return False
    tail = norm[h.wend : h.wend + 120]
    if not any(c.split(maxsplit=1)[0] in tail for c in cues):
        return False  # (no cue's first word within reach: the common case, found cheaply)
    for mark in "،,.؛:":
        cut = tail.find(mark)
        if cut >= 0:
            tail = tail[:cut]
    window = f" {' '.join(tail.split()[:_PREDICATE_REACH])} "
    return any(map(window.__contains__, cues))


def _imperfect(lex: EventLexicon, h: Hit[TriggerForm]) -> bool:
    """Whether a verb form after قد is imperfect (يزور، تزور، نزور: "may"), not a past form that
    begins with the same letter (توصل، نفى: "has done"): ي always is; ت and ن are when the
    form with ي in their place is a verb of the trigger file (or begins one of the entry's
    phrases: تفرض عقوبات / يفرض عقوبات).  An alif is read as a past form (قد اتصل، قد أعلن):
    news says "I may" (قد أزور) only inside quotations, and far less often than "has"."""
    f = h.form.split(maxsplit=1)[0]  # a phrase's verb comes first (قد تفرض عقوبات)
    if f[:1] == "ي":
        return True
    other = "ي" + f[1:]
    return f[:1] in "تن" and (
        other in lex.cues(lex.triggers[h.targets[0].entry]).heads or lex.is_verb(other)
    )


def _is_reference(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """A verbal noun framed as a past matter (صفحة تحطم، على خلفية اعتقال), not a report of a new act."""
    frames = lex.words("reference", "before", head=True)
    before = norm[max(0, h.wstart - 120) : h.wstart]
    # the frame must be in the trigger's own sentence ("... ذكرى ميلاد بوتين. والتقى" is no frame)
    raw = before[_since_last(before, ".\n؟!") :].split()
    if any(normalize_headword(_unwaw(w.strip('"،,'))) in frames for w in raw[-2:]):
        return True
    # "صفحة تحطم الطائرة، واعتقال مواطنين": a noun coordinated with a framed one
    return h.prefix.startswith("و") and any(
        normalize_headword(_unwaw(w.strip('"،,'))) in frames for w in raw[-12:]
    )


def _demonstrative(lex: EventLexicon, norm: str, h: Hit[TriggerForm]) -> bool:
    """Whether a demonstrative stands right before a verbal noun ("هذه الزيارة", "ومن تلك
    المحادثات"; see ``demonstratives`` in the modality file)."""
    prev = norm[max(0, h.wstart - 12) : h.wstart].split()[-1:]
    return bool(prev) and _unwaw(prev[0]) in lex.words("demonstratives")


def _requested(lex: EventLexicon, norm: str, hits: list[Hit[TriggerForm]]) -> set[int]:
    """Starts of the triggers that name an act asked for or aimed at, not done (see ``requests``
    and ``purposes`` in the modality file): the first trigger after a request in its clause, at
    most twelve words on, when it is the request's complement (after إلى or على, or with ل or ب
    attached: "دعت روسيا أذربيجان إلى الحوار", "دعاهم لحضور القمة"), or the first one after an act
    of aid or cooperation, at most four words on, with the ل of purpose ("سنقدم كل مساعدة ممكنة
    للتحقيق"); and an act named right after that one ("لحضور اجتماع")."""
    out: set[int] = set()
    for key, reach, lam_only in (("requests", 12, False), ("purposes", 4, True)):
        asks = lex.words(key)
        for r in hits:
            if lex.triggers[r.targets[0].entry].id not in asks:
                continue
            o = next((o for o in hits if o.wstart >= r.wend), None)
            if o is None:
                continue
            gap = norm[r.wend : o.wstart]
            words = gap.split()
            if len(words) > reach or _REQUEST_BREAK.search(gap):
                continue
            # the act asked for is the complement: لحضور، بالإفراج، إلى الحوار، على وقف — not a
            # noun inside it ("بوقف اعتقال": the arrest goes on, its end is asked for)
            lam = o.prefix.lstrip("وف")[:1]
            if lam == "ل" or (
                not lam_only and (lam == "ب" or (words and words[-1] in ("الي", "علي")))
            ):
                out.add(o.wstart)
                last = o
                for nxt in hits:
                    if nxt.wstart > last.wend and not norm[last.wend : nxt.wstart].strip():
                        out.add(nxt.wstart)
                        last = nxt
    return out


_REQUEST_BREAK = re.compile(r"[.،؛;:!؟?]")


# words that open a question about how, why, when or by whom an act was done: it presupposes the
# act ("كيف تتعاون موسكو وباكو؟"، "ما دلالات زيارة بوتين؟"), where "هل" asks whether it was
_WH_WORDS = frozenset(
    {"ما", "ماذا", "كيف", "لماذا", "متي", "اين", "من", "اي", "كم", "الام", "علام"}
)


_CAN = frozenset({"يمكن", "يمكنه", "يمكنها", "ممكن", "يستطيع", "تستطيع", "سيمكن", "بامكان"})


def _asks_whether(text: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence is a question that asks whether its acts happened (هل ...؟): a
    question that asks how, why or when (كيف، لماذا، ما دلالات) takes them as given."""
    body = text[sentence[0] : sentence[1]].rstrip()
    if not body.endswith(("؟", "?")):
        return False
    words = [_unwaw(w) for w in normalize_word(body).split()]
    if not words or words[0] not in _WH_WORDS:
        return True
    # "كيف يمكن لموسكو المساعدة ...؟": how an act could be done is no act either
    return not _CAN.isdisjoint(words)
