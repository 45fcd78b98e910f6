"""Recognize actors in a document and resolve each mention to one identity.

1. One Aho-Corasick pass of the lexicon over the normalized text; a form
   counts only at word boundaries, with the proclitics Arabic attaches in front
   (و ف ب ل ك and ال) and the pronoun suffixes behind; longest match first.
2. Composition of adjacent hits, left to right:
   - organ head + demonym or country (السلطات الأذربيجانية، حكومة أذربيجان،
     النيابة العامة في أذربيجان) -> that state's organ, with its sector;
   - title [+ demonym] [+ باسم/في/لدى + body] [،] + name -> the named person;
     a name not in the lexicon becomes a new person, with the country and
     sector the title gives;
   - title + demonym alone (الرئيس الأمريكي) -> whoever held that office on the
     publication date; نظيره + demonym -> the counterpart;
   - a surname alone -> the person it means today, or a person named in full
     earlier in the same document;
   - broken plural demonyms (الروس، الأرمن) -> the country; an indefinite
     plural nisba standing alone (روسيين، أذربيجانيين) -> that state's citizens
     (a CVL group), since without the article it names some people, not the nation;
   - a citizens group + من أصل/أصول + demonym (مواطنين روس من أصول أذربيجانية)
     -> a group of its own, told apart from the state's citizens at large;
   - a kinship noun + names (الأخوين فلان وفلان الفلاني، شقيقين يدعيان ...،
     الإخوة الفلاني) -> one named group of civilians, later found by the
     kinship noun + surname, with the country the sentence gives.
3. Every mention names the lexicon entry or rule that produced it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from marsad.actors.lexicon import Lexicon, Target, get_lexicon
from marsad.model import Actor, Analysis, Mention
from marsad.resources import data_path
from marsad.text.match import Hit, find_forms, is_word_char
from marsad.text.normalize import Normalized, normalize_word

_PREFIXES = frozenset(
    {
        "",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "وب",
        "ول",
        "وك",
        "فب",
        "فل",
        "فك",
        "ال",
        "وال",
        "بال",
        "فال",
        "كال",
        "وبال",
        "وكال",
        "فبال",
    }
)
_AFTER_L = frozenset({"لل", "ولل", "فلل"})
_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "نا", "كم"})
_NO_ARTICLE = frozenset(p for p in _PREFIXES if "ال" not in p)
_LINK = re.compile(
    r"^\s*(?:،|,)?\s*(?:(?:في|لد[ىي]|باسم|ب|ل|لـ|التابع(?:ه)? ل|الخاص(?:ه)? ب)\s*)?$"
)
_OWNER_LINK = re.compile(r"^\s*(?:التابع(?:ه)?\s*ل?)?\s*$")
_BODY_LINK = re.compile(r"^\s*(?:،|,)?\s*(?:في|لد[ىي]|باسم|ب|التابع(?:ه)? ل)\s*$")
_NAME_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_NAME_GAP = re.compile(r"^\s*[،,]?\s*$")


@cache
def _stopwords() -> frozenset[str]:
    lines = data_path("text", "stopwords.txt").read_text(encoding="utf-8").splitlines()
    words = {normalize_word(w) for w in lines if w.strip() and not w.startswith("#")}
    return frozenset(words | {"و" + w for w in words})


def _accept(prefix: str, suffix: str, t: Target) -> bool:
    if t.after_l:
        good = prefix in _AFTER_L
    elif t.type in ("actor", "short"):
        good = (
            prefix in _NO_ARTICLE
        )  # a name takes no article it does not have (السورية is not سورية)
    else:  # headwords (titles, organs, demonyms): للرئيس الروسي is ل + الرئيس
        good = prefix in _PREFIXES or prefix in _AFTER_L
    if t.type == "demonym":  # the accusative's alif (مواطنا فرنسيا) is no pronoun
        return good and suffix in ("", "ا")
    if t.type == "organ" and suffix == "ا":
        return good and prefix in _NO_ARTICLE  # صحفيا، مواطنا: indefinite, so no article
    if t.type == "title":
        return good and suffix in ("", "ه", "ها", "هم", "هما")
    return good and suffix in _SUFFIXES


def _of(h: Hit[Target], *types: str) -> Target | None:
    for t in h.targets:
        if t.type in types:
            return t
    return None


def scan(lex: Lexicon, norm: str) -> list[Hit[Target]]:
    """Lexicon hits at word boundaries, longest first, without overlaps, in text order."""
    return find_forms(lex.automaton(), norm, _accept)


def scan_view(lex: Lexicon, nz: Normalized) -> list[Hit[Target]]:
    """:func:`scan` over a document's normalized view, which knows where a taa marbuta was."""
    return find_forms(lex.automaton(), nz.text, _accept, original=nz)


class _Builder:
    """Collects actors and mentions for one document."""

    def __init__(self, doc: Analysis, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.on: date | None = doc.published
        self.mentions: list[Mention] = []
        self.last_person: str | None = None
        self.pending_title: int | None = None  # start of a title that introduced the next name
        self.local_surnames: dict[str, str] = {}
        self.kin: set[str] = set()  # kinship groups named so far ("kin:" + surname)
        # (country, role) -> the person a title named in this document (السفير الأذربيجاني فلان)
        self.holders: dict[tuple[str, str], str] = {}
        self.pending_role: tuple[str, str] | None = None
        # people named inside another actor's mention (دائرة الإعلام التابعة لعلييف), for anaphora
        self.inner_people: list[Mention] = []
        # lexicon id -> its actor on the publication date: a document names the same few
        # identities dozens of times, and building each anew cost more than matching it
        self._known: dict[str, Actor] = {}

    def add(self, actor: Actor, ns: int, ne: int, rule: str) -> None:
        if actor.id not in self.doc.actors:
            self.doc.actors[actor.id] = actor
        s, e = self.doc.norm.span_to_original(ns, ne)
        self.mentions.append(Mention(s, e, actor.id, rule))
        if actor.kind == "person":
            self.last_person = actor.id

    def known(self, actor_id: str) -> Actor:
        """The lexicon's actor for ``actor_id``, a person coded by the office held on the
        publication date; made once per document (nothing changes an actor while it is read)."""
        actor = self._known.get(actor_id)
        if actor is None:
            actor = self.lex.actor(actor_id)
            if actor.kind == "person":
                actor.code = self.lex.person_code(actor_id, self.on)
            self._known[actor_id] = actor
        return actor

    def known_or_local(self, actor_id: str) -> Actor:
        """The document's actor ``actor_id`` (one it built, or the lexicon's)."""
        return self.doc.actors.get(actor_id) or self.known(actor_id)

    def organ(
        self, organ_idx: str, country: str, ns: int, ne: int, rule: str | None = None
    ) -> None:
        organ = self.lex.organs[int(organ_idx)]
        c = self.lex.countries.get(country)
        if organ.sector is None:
            self.add(self.known(country), ns, ne, f"organ:{organ.head}")
            return
        slug = organ.organ or normalize_word(organ.head).replace(" ", "_")
        actor_id = f"{country.lower()}_{slug}"
        if actor_id not in self.doc.actors:
            name = f"{organ.head} ({c.name if c else country})"
            en = f"{organ.name_en} of {c.name_en if c else country}"
            self.doc.actors[actor_id] = Actor(
                actor_id, "organization", country + organ.sector, name, en, f"organs:{organ.head}"
            )
        self.add(self.doc.actors[actor_id], ns, ne, rule or f"organ+country:{organ.head}")

    def citizens(self, country: str, ns: int, ne: int, rule: str) -> None:
        """The citizens of ``country`` as a CVL group (the ``citizens`` organ, if the lexicon has one)."""
        idx = self.lex.organ_index("citizens")
        if idx is not None:
            self.organ(str(idx), country, ns, ne, rule)

    def origin_group(self, country: str, origin: str, ns: int, ne: int) -> None:
        """Citizens of ``country`` of ``origin`` descent: a group the news treats apart
        (detainees of one community), so it gets its own identity, coded as the citizens."""
        actor_id = f"{country.lower()}_citizens_of_{origin.lower()}_origin"
        if actor_id not in self.doc.actors:
            c = self.lex.countries.get(country)
            o = self.lex.countries.get(origin)
            name = f"مواطنون ({c.name if c else country}) من أصل ({o.name if o else origin})"
            en = f"Citizens of {c.name_en if c else country} of {o.name_en if o else origin} origin"
            self.doc.actors[actor_id] = Actor(
                actor_id, "organization", country + "CVL", name, en, "rule:origin-group"
            )
        self.add(self.doc.actors[actor_id], ns, ne, "citizens+origin")

    def office(self, country: str, role: str, sector: str, ns: int, ne: int, title: str) -> None:
        """An official named only by office and state (السفير الروسي، المبعوث الأمريكي): one
        identity per office in the document, coded with the office's sector."""
        actor_id = f"{country.lower()}_{role}"
        if actor_id not in self.doc.actors:
            c = self.lex.countries.get(country)
            self.doc.actors[actor_id] = Actor(
                actor_id,
                "person",
                country + sector,
                f"{title} ({c.name if c else country})",
                f"{role.replace('_', ' ')} of {c.name_en if c else country}",
                "rule:unnamed-official",
            )
        self.add(self.doc.actors[actor_id], ns, ne, f"title+country:office:{title}")

    def new_person(
        self, name_ns: int, name_ne: int, country: str | None, sector: str | None, rule: str
    ) -> None:
        norm = self.doc.norm.text
        name = norm[name_ns:name_ne]
        actor_id = "per:" + name.replace(" ", "_")
        s, e = self.doc.norm.span_to_original(name_ns, name_ne)
        surface = self.doc.text[s:e]
        code = (country or "---") + (sector or "CVL")
        actor = self.doc.actors.get(actor_id) or Actor(
            actor_id, "person", code, surface, None, None
        )
        self.add(actor, name_ns, name_ne, rule)
        words = name.split()
        if len(words) >= 2:
            self.local_surnames[words[-1]] = actor_id


def _country_of(h: Hit[Target], lex: Lexicon) -> str | None:
    t = _of(h, "demonym")
    if t:
        return t.key
    t = _of(h, "actor")
    if t and t.key in lex.countries:
        return t.key
    if t and t.key in lex.seats:
        return lex.seats[t.key][0]
    if t and t.key in lex.organizations:
        code = lex.organizations[t.key].code
        return code[:3]
    return None


def _definite(h: Hit[Target]) -> bool:
    return h.prefix.endswith("ال") or h.form.startswith("ال")


def _agrees(head: Hit[Target], nxt: Hit[Target]) -> bool:
    """An organ head and a demonym after it agree in definiteness: "السلطات الأذربيجانية" is an
    organ, but in "اعتقلت السلطات أذربيجانيين" the bare plural is the object, not an adjective.
    (A head without the article may still be definite by construct: وزارة الداخلية الروسية.)
    A head with a pronoun suffix already has its owner, so a country after it is not one."""
    if _of(nxt, "actor"):
        return not head.suffix  # "مواطنيها في روسيا": the pronoun owns them; Russia is a place
    if not _of(nxt, "demonym"):
        return True
    return _definite(nxt) or not _definite(head)


def _people_plural(h: Hit[Target], t: Target) -> bool:
    """A demonym hit that names people: a broken plural (الروس) or a masculine plural nisba
    (روسيين، الأذربيجانيون), not a singular or feminine adjective."""
    return t.source.endswith(":plural") or h.form.endswith(("يين", "يون"))


_PLURAL_NOUN = re.compile(r"[\u0621-\u064a]{2,}(?:ين|ون)\s+$")


def _after_plural_noun(norm: str, h: Hit[Target]) -> bool:
    """Whether a bare plural nisba follows a plural noun it qualifies (خبراء… "صحفيين روسيين")."""
    return bool(_PLURAL_NOUN.search(norm[max(0, h.wstart - 30) : h.wstart]))


_ORIGIN = re.compile(r"^\s+من\s+(?:ال)?(?:اصل|اصول)\s+$")


def _origin(
    lex: Lexicon, norm: str, hits: list[Hit[Target]], j: int
) -> tuple[str, int, int] | None:
    """``من أصل/أصول`` + demonym right after a citizens group ending before ``hits[j]``:
    (the origin country, the end of the phrase, the index after it)."""
    if j < 1 or j >= len(hits):
        return None
    prev, nxt = hits[j - 1], hits[j]
    t = _of(nxt, "demonym")
    if t is None or not _ORIGIN.match(norm[prev.wend : nxt.wstart]):
        return None
    return t.key, nxt.end, j + 1


def _gap(norm: str, a: Hit[Target], b: Hit[Target]) -> str:
    return norm[a.wend : b.wstart]


# Offices one person holds at a time for a state: "title + country" resolves to that person.
# (Ambassadors, ministers in general, officials, MPs... are many at once: no single holder.)
_UNIQUE_ROLES = frozenset(
    [
        "head_of_state",
        "head_of_government",
        "vice_president",
        "foreign_minister",
        "defence_minister",
        "interior_minister",
        "finance_minister",
        "economy_minister",
        "energy_minister",
        "presidential_spokesperson",
        "security_council_secretary",
        "military_chief",
        "speaker",
        "monarch",
        "crown_prince",
        "igo_head",
        "counterpart",
        "leader",
    ]
)
# Offices many hold at once, each for one state abroad or at home: named by title and state alone
# they mean the holder this document named, else an identity of their own.
_OFFICE_ROLES = frozenset({"ambassador", "envoy", "spokesperson", "deputy_foreign_minister"})
# roles many hold at once: "نائب روسي"، "مسؤول أمريكي" with no name is one such (one identity per
# document, as for an office), never the holder of an office
_MEMBER_ROLES = frozenset({"legislator", "official"})
_NAME_PARTICLES = frozenset({"اوغلو", "زاده", "الدين", "بن", "ابن", "ابو", "عبد", "ال", "ولد"})


@cache
def _not_name_words() -> frozenset[str]:
    """Words that end a name: function words, and the trigger and cue words of events and quotes."""
    words: set[str] = set(_stopwords())
    try:
        from marsad.events.lexicon import get_event_lexicon
        from marsad.quotes.lexicon import get_quote_lexicon

        words.update(f for f in get_event_lexicon().forms if " " not in f)
        words.update(f for f in get_quote_lexicon().cues if " " not in f)
    except Exception:
        pass
    return frozenset(words)


@cache
def _word_list(name: str) -> frozenset[str]:
    lines = data_path("actors", name).read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_word(w) for w in lines if w.strip() and not w.startswith("#"))


@cache
def _surname_endings() -> tuple[str, ...]:
    """The surname endings as a tuple, for one ``str.endswith`` call instead of a loop."""
    return tuple(sorted(_word_list("surname_endings.txt")))


@cache
def _given_names() -> frozenset[str]:
    """Given names: the data list plus the first word of every multi-word name in the people files."""
    names = set(_word_list("given_names.txt"))
    lex = get_lexicon()
    for p in lex.people.values():
        for full in (p.name, *p.variants):
            words = normalize_word(full).split()
            if len(words) >= 2:
                names.add(words[0])
    return frozenset(names)


def _name_like(words: list[str], apposition: bool) -> bool:
    """Whether words read after a title look like a person's name rather than ordinary words."""
    if words[0] in _given_names():
        return True
    if len(words) >= 2 and words[-1].endswith(_surname_endings()):
        return True
    return apposition and len(words) >= 2


def _bare(word: str) -> list[str]:
    """The word and its forms without a conjunction, future or preposition prefix, or a pronoun suffix."""
    out = [word]
    for p in ("و", "ف", "س", "وس", "ل", "ب"):
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p) :])
    for e in ("ه", "ها", "هم"):
        for w in list(out):
            if w.endswith(e) and len(w) - len(e) >= 3:
                out.append(w[: -len(e)])
    return out


_NAME_LEAD = re.compile(r"\s*[،,]?\s*")


def _original_word(nz: Normalized, start: int, end: int) -> str:
    """The original spelling of the normalized word ``start..end`` (الكسندر may be ألكسندر, with
    no article; a final ه may be ة)."""
    return nz.original[nz.to_original(start) : nz.to_original(end - 1) + 1]


def _read_name(nz: Normalized, pos: int, hits_after: list[Hit[Target]]) -> tuple[int, int] | None:
    """Up to three name words starting at ``pos`` (after an optional comma); None if none.

    A word with the article (bare ال in the original: الموقع) ends the name, but
    ألكسندر or إلهام, which only look like it once normalized, do not; so does a
    function word, an event or quote word (زيارة، سيعقدان، قوله), or a word with
    taa marbuta after the first.  A third word is taken only when punctuation
    follows it or it is a name particle (أوغلو، زاده).
    """
    norm = nz.text
    m = _NAME_LEAD.match(norm, pos)
    i = m.end() if m else pos
    stop = _not_name_words()
    next_hit = hits_after[0].wstart if hits_after else len(norm)
    start = i
    ends: list[int] = []
    while len(ends) < 3:
        w = _NAME_WORD.match(norm, i)
        if not w or w.start() >= next_hit:
            break
        word = w.group()
        after = w.end()
        if after < len(norm) and is_word_char(norm[after]):
            break  # digits or Latin glued on: not a name
        original = _original_word(nz, w.start(), after)
        definite = original.startswith(("ال", "وال"))
        if definite or word.startswith("وو") or any(b in stop for b in _bare(word)):
            break
        if ends and original.endswith("ة"):
            break
        punct_next = after >= len(norm) or norm[after] != " "
        if len(ends) == 2 and not (
            punct_next or word in _NAME_PARTICLES or _followed_by_punct(norm, after)
        ):
            break
        ends.append(after)
        i = after
        if punct_next:
            break  # punctuation ends the name
        i += 1
    if not ends:
        return None
    return start, ends[-1]


_NAME_BEFORE = re.compile(
    r"(?:^|[\s،,.:])((?:[\u0621-\u064a]{2,} ){1,2}[\u0621-\u064a]{2,})\s*[،,]\s*$"
)


def _name_before(b: _Builder, h: Hit[Target]) -> tuple[int, int] | None:
    """Two or three name words followed by a comma right before a title, if they look like a name
    and no known actor already covers them."""
    norm = b.doc.norm.text
    lo = max(0, h.wstart - 60)
    m = _NAME_BEFORE.search(norm, lo, h.wstart)
    if m is None:
        return None
    s, e = m.span(1)
    words = norm[s:e].split()
    stop = _not_name_words()
    while len(words) > 2 and (words[0] in stop or any(b in stop for b in _bare(words[0]))):
        s += len(words[0]) + 1  # "وقال محمود السالم،": the name is the last two words
        words = words[1:]
    if any(w in stop for w in words[:-1]) or not _name_like(words, apposition=False):
        return None
    so, eo = b.doc.norm.span_to_original(s, e)
    if any(x.start < eo and so < x.end for x in b.mentions):
        return None
    return s, e


def _followed_by_punct(norm: str, pos: int) -> bool:
    rest = norm[pos : pos + 3].lstrip(" ")
    return not rest or not is_word_char(rest[0])


def actors_stage(doc: Analysis) -> None:
    """Add actors and their mentions to the document (the pipeline stage)."""
    recognize(doc, get_lexicon())


def recognize(doc: Analysis, lex: Lexicon) -> None:
    """Add the actors of ``lex`` found in ``doc`` and their mentions."""
    norm = doc.norm.text
    hits = scan_view(lex, doc.norm)
    b = _Builder(doc, lex)
    consumed: set[int] = set()
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        organ = _of(h, "organ")
        title = _of(h, "title")
        if organ and nxt and not title:
            country = _country_of(nxt, lex)
            gap = _gap(norm, h, nxt)
            if (
                country
                and (gap.strip() == "" or _LINK.match(gap))
                and (_of(nxt, "demonym") or _of(nxt, "actor"))
                and _agrees(h, nxt)
            ):
                origin = _origin(lex, norm, hits, i + 2)
                if origin and lex.organs[int(organ.key)].sector == "CVL":
                    b.origin_group(country, origin[0], h.mstart, origin[1])
                    i = origin[2]
                    continue
                b.organ(organ.key, country, h.mstart, nxt.end)
                i += 2
                # "الجانبان الروسي والأذربيجاني": a second adjective joined by و, a second state
                second = _second_state(b, hits, i, country)
                if second is not None:
                    b.organ(organ.key, second[0], second[1].mstart, second[1].end)
                    i += 1
                continue
        owner = (_of(nxt, "actor") or _of(nxt, "short")) if nxt else None
        if (
            organ
            and nxt
            and owner
            and not title
            and owner.key in lex.people
            and _OWNER_LINK.match(_gap(norm, h, nxt))
            and (nxt.prefix.endswith("ل") or _gap(norm, h, nxt).rstrip().endswith("ل"))
        ):
            # "دائرة الإعلام التابعة لعلييف": the office of the state the person serves
            pid = b.local_surnames.get(nxt.form, owner.key)
            code = b.known(pid).code
            if code[:3] in lex.countries and lex.organs[int(organ.key)].sector == "GOV":
                b.organ(organ.key, code[:3], h.mstart, nxt.end, "organ+person")
                # the person is named, though the mention is the office's ("أن الأخير")
                b.inner_people.append(
                    Mention(*b.doc.norm.span_to_original(nxt.start, nxt.end), pid, "")
                )
                i += 2
                continue
        if title:
            j = _title(b, hits, i)
            if j > i:
                i = j
                continue
        actor_t = _of(h, "actor")
        title_start, b.pending_title = b.pending_title, None
        role, b.pending_role = b.pending_role, None
        if actor_t and (organ_id := _seat_of_organ(b, h, actor_t)) is not None:
            # "وزارة الخارجية الروسية في ساحة سمولينسكايا": the seat named as where an organ of
            # its own state sits is that organ, not a second actor
            b.add(b.doc.actors[organ_id], h.mstart, h.end, f"seat-of:{actor_t.source}")
        elif actor_t:
            b.add(b.known(actor_t.key), h.mstart, h.end, f"lexicon:{actor_t.source}")
            if title_start is not None:  # "الرئيس الروسي فلاديمير بوتين" is a surface form too
                b.add(b.known(actor_t.key), title_start, h.end, "title+name-span")
                if role is not None:
                    b.holders.setdefault(role, actor_t.key)
        elif _of(h, "short"):
            t = _of(h, "short")
            assert t is not None
            pid = b.local_surnames.get(h.form, t.key)
            if len(h.form) <= 3 and pid not in doc.actors:
                i += 1  # شي، لي، ادر: too short to mean the person unless they were named in full before
                continue
            actor = doc.actors.get(pid) or b.known(pid)
            b.add(actor, h.start, h.end, f"surname:{t.source}")
        elif (t := _of(h, "demonym")) and _people_plural(h, t):
            origin = _origin(lex, norm, hits, i + 1)
            if origin:
                b.origin_group(t.key, origin[0], h.mstart, origin[1])
                i = origin[2]
                continue
            if t.source.endswith(":plural"):
                b.add(b.known(t.key), h.mstart, h.end, f"demonym-plural:{t.source}")
            elif not h.prefix.endswith("ال") and not _after_plural_noun(norm, h):
                b.citizens(t.key, h.mstart, h.end, f"demonym-group:{t.source}")
        consumed.add(i)
        i += 1
    _surnames(b, hits)
    _kin_groups(b)
    _latter(b)
    doc.mentions = sorted(b.mentions, key=lambda m: (m.start, m.end))


_NOT_TITLES = frozenset({"أمام", "وأمام", "فأمام"})


def _seat_of_organ(b: _Builder, h: Hit[Target], t: Target) -> str | None:
    """The organ a seat of power is named as the place of, right after it and of its own state and
    sector ("الخارجية الروسية في ساحة سمولينسكايا"), else None."""
    if t.key not in b.lex.seats or not b.mentions:
        return None
    last = b.mentions[-1]
    organ = b.doc.actors.get(last.actor)
    code, sector, _ = b.lex.seats[t.key]
    if organ is None or organ.kind != "organization" or organ.code != code + sector:
        return None
    s, _e = b.doc.norm.span_to_original(h.mstart, h.end)
    gap = normalize_word(b.doc.text[last.end : s])
    return last.actor if gap in ("في", "بمقرها في", "ومقرها") else None


def _spelled_as_other_word(b: _Builder, h: Hit[Target]) -> bool:
    """Normalization unifies alef forms, so the preposition أمام ("in front of") reads as the
    title إمام; the original spelling tells them apart, and a preposition is no title."""
    s, e = b.doc.norm.span_to_original(h.wstart, h.wend)
    return b.doc.norm.original[s:e] in _NOT_TITLES


def _title(b: _Builder, hits: list[Hit[Target]], i: int) -> int:
    """Resolve the title at ``hits[i]``; return the index after what it consumed (``i`` if nothing)."""
    lex = b.lex
    if _spelled_as_other_word(b, hits[i]):
        return i
    norm = b.doc.norm.text
    h = hits[i]
    t = _of(h, "title")
    assert t is not None
    entry = lex.titles[int(t.key)]
    country = entry.country
    j = i + 1
    end = h.end
    last = h
    plural = h.form.endswith(("ان", "ين")) and normalize_word(entry.title).endswith(("ان", "ين"))
    if plural and entry.role in _UNIQUE_ROLES and j < len(hits):
        # "الرئيسين الروسي والصيني": a dual title with two adjectives names both holders
        first = _country_of(hits[j], lex) if _of(hits[j], "demonym") else None
        second = _second_state(b, hits, j + 1, first) if first else None
        if first and second and not _gap(norm, h, hits[j]).strip():
            for state, (lo, hi) in (
                (first, (h.mstart, hits[j].end)),
                (second[0], (second[1].mstart, second[1].end)),
            ):
                pid = lex.holder(state, str(entry.role), b.on)
                if pid:
                    b.add(b.known(pid), lo, hi, f"title+countries:{entry.title}")
            return j + 2
    org_sector: str | None = None  # رئيس مجلس الاتحاد: the head of a body, not of the state
    # "رئيس أذربيجان" (construct) and "المتحدث باسم الكرملين" take the body that follows directly
    construct = not h.prefix.endswith("ال") or h.form.endswith((" باسم", " لدي", " في"))
    # a demonym fixes the country; a body linked by باسم/في/لدى/ب is an actor of its own
    while j < len(hits) and j <= i + 3:
        nxt = hits[j]
        gap = _gap(norm, last, nxt)
        if nxt.prefix.startswith(("و", "ف")):
            break  # "للرئيس الروسي وللسلطات": a conjunct, not part of the title
        c = _country_of(nxt, lex)
        if c is None and gap.strip() == "" and _of_igo(nxt, lex):
            c = _of(nxt, "actor").key  # type: ignore[union-attr]  # (checked by _of_igo)
        if _of(nxt, "demonym") and gap.strip() == "" and country is None and c:
            country = c
        elif (
            c
            and _of(nxt, "actor")
            and not _is_person(nxt, lex)
            and (
                _BODY_LINK.match(gap)
                or (gap.strip() == "" and construct)
                or (gap.strip() == "" and _of_igo(nxt, lex))  # الأمين العام للأمم المتحدة
            )
        ):
            at = _of(nxt, "actor")
            assert at is not None
            if country is None and "لدي" not in gap:
                country = c
            if at.key in lex.organizations:
                org_sector = lex.organizations[at.key].code[3:] or None
            b.add(b.known(at.key), nxt.mstart, nxt.end, f"lexicon:{at.source}")
            last = nxt
            j += 1
            continue
        elif (
            (_of(nxt, "organ") or _of(nxt, "title"))
            # once a state or body is named, a title starts another actor ("أمير قطر الرئيس
            # الإيراني"، "الأمين العام لحلف الناتو وزير الدفاع التركي")
            and not (country and _of(nxt, "title") and not _of(nxt, "organ"))
            and (
                (
                    gap.strip() == ""
                    # ... and so does a definite head: only an indefinite one goes on
                    # describing the body
                    and ((construct and not (country and _definite(nxt))) or not _definite(nxt))
                )
                or _BODY_LINK.match(gap)
            )
        ):
            pass  # a body described by an organ head (رئيس لجنة ... بمجلس الدوما): keep reading
        else:
            break
        end = nxt.end
        last = nxt
        j += 1
    # a known person right after
    if j < len(hits):
        nxt = hits[j]
        gap = _gap(norm, last, nxt)
        if (
            _NAME_GAP.match(gap)
            and not nxt.prefix.startswith(("ل", "ب"))  # "المبعوث الخاص لترامب": his envoy, not him
            and ((_of(nxt, "actor") and _is_person(nxt, lex)) or _of(nxt, "short"))
        ):
            b.pending_title = h.mstart  # the main loop adds the person and the title+name span
            if country and entry.role in _OFFICE_ROLES | _MEMBER_ROLES:
                b.pending_role = (country, entry.role)
            return j
    # an unknown name right after
    pos = last.wend if last is not h else h.wend
    name = (
        None
        if plural or entry.role in ("counterpart", "leader")
        else _read_name(b.doc.norm, pos, hits[j:])
    )
    if name and _name_like(
        norm[name[0] : name[1]].split(), "،" in norm[pos : name[0]] or "," in norm[pos : name[0]]
    ):
        sector = (
            entry.sector
            if (entry.sector and entry.sector != "GOV") or not org_sector
            else org_sector
        )
        b.new_person(name[0], name[1], country, sector, f"title+name:{entry.title}")
        if country and entry.role in _OFFICE_ROLES | _MEMBER_ROLES:
            b.holders.setdefault((country, entry.role), b.mentions[-1].actor)
        b.add(b.doc.actors[b.mentions[-1].actor], h.mstart, name[1], "title+name-span")
        k = j
        while k < len(hits) and hits[k].start < name[1]:
            k += 1
        return k
    # "حامد فارس، أستاذ العلاقات الدولية": a name in apposition before the title
    back = None if plural or entry.role in _UNIQUE_ROLES else _name_before(b, h)
    if back is not None:
        b.new_person(
            back[0], back[1], country, entry.sector or org_sector, f"name+title:{entry.title}"
        )
        return j
    # title + country alone: the office holder on the publication date
    if country and org_sector is None and entry.role in _UNIQUE_ROLES and not plural:
        role = entry.role
        if role == "counterpart":
            role = _role_of(b, b.last_person) or "head_of_state"
        pid = (
            lex.holder(country, role, b.on)
            if role not in ("leader",)
            else lex.holder(country, "head_of_state", b.on)
        )
        if pid:
            b.add(b.known(pid), h.mstart, end, f"title+country:{entry.title}")
            return j
    # "السفير الأذربيجاني" with no name: the one this document named, else the office itself
    if (
        country
        and org_sector is None
        and entry.role in _OFFICE_ROLES | _MEMBER_ROLES
        and not plural
        and end > h.end
    ):
        holder = b.holders.get((country, str(entry.role)))
        if holder is not None:
            b.add(b.doc.actors[holder], h.mstart, end, f"title+country:in-document:{entry.title}")
        else:
            b.office(country, entry.role, entry.sector or "GOV", h.mstart, end, entry.title)
        return j
    return i if j == i + 1 else j


def _second_state(
    b: _Builder, hits: list[Hit[Target]], k: int, first: str | None
) -> tuple[str, Hit[Target]] | None:
    """The state of a demonym at ``hits[k]`` joined by و right after the previous hit (الروسي
    والأذربيجاني), when it differs from ``first``."""
    if k >= len(hits) or k == 0:
        return None
    nxt = hits[k]
    if not (_of(nxt, "demonym") and nxt.prefix.startswith("و")):
        return None
    if _gap(b.doc.norm.text, hits[k - 1], nxt).strip():
        return None
    country = _country_of(nxt, b.lex)
    return (country, nxt) if country and country != first else None


def _of_igo(h: Hit[Target], lex: Lexicon) -> bool:
    """An international organisation with ل on it (للأمم المتحدة، لحلف الناتو): the body a
    definite title belongs to."""
    t = _of(h, "actor")
    return bool(t and t.key in lex.igos and h.prefix.rstrip("ال") in ("ل", "لل", ""))


def _is_person(h: Hit[Target], lex: Lexicon) -> bool:
    t = _of(h, "actor")
    return bool(t and t.key in lex.people)


def _role_of(b: _Builder, person_id: str | None) -> str | None:
    if not person_id or person_id not in b.lex.people:
        return None
    p = b.lex.people[person_id]
    from marsad.actors.lexicon import _office_on

    o = _office_on(p, b.on) or p.offices[-1]
    return str(o.role)


# "الأخير" / "الأخيرة" (the latter) standing as a noun: "أعلنت دائرة الإعلام التابعة لعلييف أن
# الأخير شكر بوتين"، "وقال الأخير"، "هذا الأخير"
_LATTER = re.compile(r"(?<![\u0621-\u064a])(?:و|ف)?(الاخير|الاخيره)(?![\u0621-\u064a])")
# words after which it is the noun: conjunctions and demonstratives; after a word of its own it
# must be the subject of a verb (a definite noun before it makes it an adjective: الاجتماع الأخير)
_LATTER_AFTER = frozenset({"ان", "لكن", "ولكن", "بينما", "فيما", "حيث", "كما", "اذ", "هذا", "هذه"})
_LATTER_NOT_AFTER = frozenset(
    {"في", "من", "الي", "علي", "عن", "مع", "حتي", "منذ", "بين", "قبل", "بعد", "خلال", "و", "او"}
)
_LATTER_REACH = 400  # characters back to the person it points to (the sentence and the one before)


def _latter(b: _Builder) -> None:
    """The word "الأخير" as a noun is the person named last before it; "الأخيرة" is the woman
    named last, or the state or body whose name is feminine (وزارة الخارجية، روسيا).  Each such
    word becomes a mention of that actor (rule ``anaphor:latter``), so events and quotes read it
    as a name."""
    norm = b.doc.norm.text
    if "الاخير" not in norm:
        return
    mentions = sorted([*b.mentions, *b.inner_people], key=lambda m: m.start)
    for m in _LATTER.finditer(norm):
        s = b.doc.norm.to_original(m.start(1))
        before = norm[max(0, m.start() - 30) : m.start()]
        words = before.split()
        prev = words[-1] if words and not before.rstrip().endswith(_CLAUSE_MARKS) else ""
        if len(prev) > 2 and prev[0] in "وف" and prev[1:] in _LATTER_NOT_AFTER | _LATTER_AFTER:
            prev = prev[1:]  # وفي، ولكن
        if (
            prev
            and (
                prev.startswith(("ال", "وال", "بال", "لل", "فال"))
                or prev in _LATTER_NOT_AFTER
                or prev[0].isdigit()
            )
            and prev not in _LATTER_AFTER
        ):
            continue  # "الاجتماع الأخير"، "في الأخير": an adjective, or "in the end"
        if norm[m.end() : m.end() + 4].strip().startswith("من"):
            continue  # "الأخير من نوعه": the last of its kind
        feminine = m.group(1).endswith("ه")
        antecedent = next(
            (
                x
                for x in reversed(mentions)
                if x.end <= s and s - x.end <= _LATTER_REACH and _latter_agrees(b, x, feminine)
            ),
            None,
        )
        if antecedent is not None:
            b.add(b.known_or_local(antecedent.actor), m.start(1), m.end(1), "anaphor:latter")


_CLAUSE_MARKS = ("،", ",", ".", ":", "«", '"', "(", "؛", "\n")


def _latter_agrees(b: _Builder, m: Mention, feminine: bool) -> bool:
    actor = b.known_or_local(m.actor)
    if actor.kind == "person":
        entry = b.lex.people.get(actor.id)
        gender = entry.gender if entry is not None else None
        return gender in (None, "f") if feminine else gender != "f"
    if not feminine:
        return False
    head = b.doc.text[m.start : m.end].split()[0] if m.end > m.start else ""
    return actor.kind == "country" or head.endswith("ة")


def _surnames(b: _Builder, hits: list[Hit[Target]]) -> None:
    """Surnames of people first named in full in this document, found alone elsewhere in it."""
    if not b.local_surnames:
        return
    norm = b.doc.norm.text
    covered = [(m.start, m.end) for m in b.mentions]
    pattern = re.compile(
        r"(?<![\w\u0621-\u064a])(?:و|ف|ب|ل|وب|ول)?("
        + "|".join(map(re.escape, b.local_surnames))
        + r")(?![\w\u0621-\u064a])"
    )
    for m in pattern.finditer(norm):
        s, _e = b.doc.norm.span_to_original(*m.span(1))
        if any(cs <= s < ce for cs, ce in covered):
            continue
        pid = b.local_surnames[m.group(1)]
        b.add(b.doc.actors[pid], m.start(1), m.end(1), "surname:in-document")


# A kinship noun (dual, plural, with or without the article and a proclitic) and an optional
# "named" participle before the names: الأخوين، الإخوة، شقيقين يدعيان، الأشقاء المدعوين.
_KIN = re.compile(
    r"(?<![\u0621-\u064a])(?:[وفبل]?(?:ال|لل)?)"
    r"(?:اخوين|اخوان|اخوه|اشقاء|شقيقين|شقيقان|شقيقتين|شقيقتان|اختين|اختان)"
    r"(?![\u0621-\u064a])\s+(?:(?:يدعيان|يدعون|يدعى|المدعوين|المدعوان|المدعوون)\s+)?"
)
_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:في|إلى|الى|من)\s+$")
_KIN_WORD = re.compile(r"[\u0621-\u064a]{2,}")


def _kin_names(b: _Builder, pos: int) -> tuple[int, str] | None:
    """The names after a kinship noun: given names joined by و and a shared surname last
    (غوسين وزياد الدين صفاروف), or the surname alone; (end, surname) or None."""
    norm = b.doc.norm.text
    stop = _not_name_words()
    words: list[tuple[int, int]] = []
    i = pos
    while len(words) < 6:
        w = _KIN_WORD.match(norm, i)
        if not w:
            break
        word = w.group()
        core = word[1:] if words and word.startswith("و") and len(word) > 3 else word
        original = _original_word(b.doc.norm, w.start(), w.end())
        if original.startswith(("ال", "وال")) and core not in _NAME_PARTICLES:
            break
        if any(x in stop for x in _bare(core)) and core not in _NAME_PARTICLES:
            break
        words.append(w.span())
        i = w.end()
        if i >= len(norm) or norm[i] != " ":
            break
        i += 1
    while words and norm[words[-1][0] : words[-1][1]] in _NAME_PARTICLES:
        words.pop()
    if not words:
        return None
    texts = [norm[s:e] for s, e in words]
    bare = [t[1:] if k and t.startswith("و") else t for k, t in enumerate(texts)]
    endings = _surname_endings()
    if len(words) == 1:
        known = any(bare[0] == sid.split(":", 1)[-1] for sid in b.kin)
        if not known and not bare[0].endswith(endings):
            return None
        return words[0][1], bare[0]
    coordinated = any(t.startswith("و") for t in texts[1:])
    if not coordinated and not bare[-1].endswith(endings):
        return None
    if not (bare[0] in _given_names() or bare[-1].endswith(endings)):
        return None
    return words[-1][1], bare[-1]


def _kin_groups(b: _Builder) -> None:
    """Siblings named together (الأخوين فلان وفلان الفلاني): one group of civilians the news
    follows as such (their arrest, their death), found again by a kinship noun and the surname.
    Its country is that of the nearest state-coded mention in the sentence, since such groups are
    seldom given a nationality of their own."""
    norm = b.doc.norm.text
    for m in _KIN.finditer(norm):
        got = _kin_names(b, m.end())
        if got is None:
            continue
        end, surname = got
        start = m.start() + len(m.group()) - len(m.group().lstrip("وفبل"))
        s, e = b.doc.norm.span_to_original(start, end)
        if any(
            x.start < e
            and s < x.end
            and b.doc.actors[x.actor].kind == "person"
            and (x.end - x.start) > (e - s)
            for x in b.mentions
        ):
            continue
        actor_id = f"kin:{surname}"
        if actor_id not in b.doc.actors:
            country = _sentence_country(b, s, e)
            b.doc.actors[actor_id] = Actor(
                actor_id,
                "group",
                (country or "---") + "CVL",
                b.doc.text[s:e],
                None,
                "rule:kin-group",
            )
        b.kin.add(actor_id)
        b.mentions = [x for x in b.mentions if not (x.start < e and s < x.end)]
        b.mentions.append(Mention(s, e, actor_id, "kin-group"))


def _sentence_country(b: _Builder, s: int, e: int) -> str | None:
    """The state of the state-coded mention nearest to ``s..e`` in its sentence, other than one
    named as a place (في روسيا، إلى باكو): where something happened says little of who."""
    lo, hi = b.doc.sentence_of(s)
    text = b.doc.text
    best: tuple[int, str] | None = None
    for x in b.mentions:
        if x.start < lo or x.end > hi or (x.start < e and s < x.end):
            continue
        code = b.doc.actors[x.actor].code
        country = code[:3]
        if not country.isalpha() or country not in b.lex.countries:
            continue
        if _PLACE_BEFORE.search(text, max(lo, x.start - 6), x.start):
            continue
        d = s - x.end if x.end <= s else x.start - e
        if best is None or d < best[0]:
            best = (d, country)
    return best[1] if best else None
