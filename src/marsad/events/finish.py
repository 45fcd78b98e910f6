"""The event once its actors are known: its code (a promise is an intent), status, date and place.

Both rule sets, diplomatic acts (:func:`~marsad.events.extract._event`) and violence and protest
(:mod:`marsad.events.contentious`), end here; it is a module of its own so that neither imports
the other.
"""

from __future__ import annotations

from marsad.events.arguments import _CLAUSE_BREAK, _Arg, _clause_end
from marsad.events.dating import _date, _words
from marsad.events.index import _DocIndex
from marsad.events.lexicon import EventLexicon, TriggerForm
from marsad.events.status import _asks_whether, _is_reference, _status
from marsad.model import Analysis, Event
from marsad.text.match import Hit


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
    if status == "asserted" and _asks_whether(doc.text, sentence):
        # "هل ستتوسط موسكو ...؟": a question whether asserts none of the acts it names ("كيف
        # تتعاون موسكو وباكو؟" asks how, and takes the cooperation as given)
        status = "hypothetical"
        rule += ":question"
    if (
        status == "planned"
        and h.targets[0].kind in ("verb", "phrase")  # ستدعم، ستقدم مساعدات
        and "س" in h.prefix  # the verb's own future (ستدعم), not a planned setting around it
        and code[:2] in _PROMISE_CODES
        and code[:3] not in _NOT_PROMISES
    ):
        # "ستدعم روسيا …"، "سنقدم المساعدة": a promise of cooperation or aid is, in CAMEO, an
        # expressed intent (03x), and the statement itself has been made
        code, status = _PROMISE_CODES[code[:2]], "asserted"
        cameo = lex.code(code)
        rule += ":promise"
    if status == "asserted" and h.wstart in ix.requested:
        # "دعت روسيا أذربيجان إلى الحوار": the dialogue is asked for, not held
        status = "planned"
        rule += ":requested"
    when, basis, dspan = _date(doc, ts, sentence, ix, status)
    if basis in ("publication", "news-day") and _is_reference(lex, norm, h):
        when, basis, rule = None, None, rule + ":reference"
    location = _location(doc, sentence, after, ts, te, ix)
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


# future verbs of cooperation and aid, coded as the intent they express (CAMEO 03x)
_PROMISE_CODES = {"05": "030", "06": "031", "07": "033"}


# acts of root 05 that are not cooperation one can promise: a planned apology, pardon or signing
# stays what it is
_NOT_PROMISES = frozenset({"055", "056", "057"})


def _location(
    doc: Analysis,
    sentence: tuple[int, int],
    after: list[_Arg],
    ts: int,
    te: int,
    ix: _DocIndex,
) -> tuple[int, int] | None:
    """Where the act happened: the first state after في (a capital is its state: "في باكو"), or
    the first city or region named after a place preposition ("قرب أكتاو", "في مدينة
    يكاترينبورغ"), whichever comes first after the trigger in its clause and at most twelve words
    from it; failing both, such a city or region just before the trigger in the same clause ("في
    يكاترينبورغ اعتقلت الشرطة ...")."""
    country = next(
        (
            a.mention
            for a in after
            if a.prep == "في"
            and (actor := doc.actors.get(a.mention.actor)) is not None
            and actor.kind == "country"
            and _words(doc.text, te, a.mention.start) <= _PLACE_REACH
        ),
        None,
    )
    places = ix.places(doc, *sentence)
    if not places:  # most sentences name no city: the state, if any, is the place
        return (country.start, country.end) if country is not None else None
    # a city or region in the trigger's own clause, a few words from it: a long sentence names
    # places for its other clauses too
    end = _clause_end(doc, te, sentence[1], [])
    later = [
        p for p in places if te <= p.start < end and _words(doc.text, te, p.start) <= _PLACE_REACH
    ]
    if later and (country is None or later[0].start < country.start):
        return (later[0].start, later[0].end)
    if country is not None:
        return (country.start, country.end)
    earlier = [
        p
        for p in places
        if p.end <= ts
        and _words(doc.text, p.end, ts) <= _PLACE_REACH
        and _CLAUSE_BREAK.search(doc.text, p.end, ts) is None
    ]
    return (earlier[-1].start, earlier[-1].end) if earlier else None


# how many words may stand between a trigger and the place that places it ("التقى الزعيمان مرة
# أخرى في قمة منظمة شنغهاي للتعاون في أستانا": ten)
_PLACE_REACH = 12
