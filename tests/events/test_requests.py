"""A request and what it asks for: the call is an event, the act asked for is not done (planned);
a call to come to a place is an invitation.  Every sentence here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from marsad.errors import DataFileError
from marsad.events.lexicon import load_event_lexicon
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.resources import data_path


def _events(text: str) -> dict[str, tuple[str, str, list[str], list[str]]]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    return {a.span(*e.trigger): (e.cameo, e.status, e.source, e.target) for e in a.events}


def test_the_act_a_call_asks_for_is_planned() -> None:
    got = _events("ودعت روسيا أذربيجان إلى الحوار.")
    assert got["ودعت"][:2] == ("106", "asserted")
    assert got["الحوار"][1] == "planned"


def test_an_act_after_the_clause_of_the_request_is_done() -> None:
    got = _events("ودعت موسكو باكو إلى الحوار، وانتقدت روسيا فرنسا.")
    assert got["الحوار"][1] == "planned"
    assert got["وانتقدت"][:2] == ("111", "asserted")


def test_a_call_to_a_place_is_an_invitation() -> None:
    got = _events("ودعا بوتين علييف إلى سانت بطرسبورغ لحضور قمة غير رسمية.")
    assert got["ودعا"][:2] == ("036", "asserted")
    assert got["لحضور"][1] == "planned"
    got = _events("ودعا بوتين علييف إلى سانت بطرسبورغ لحضور اجتماع غير رسمي.")
    assert got["لحضور"][1] == got["اجتماع"][1] == "planned"  # and what it asks them to attend
    # a capital is a place too; a state called on is not
    assert _events("ودعا بوتين أردوغان إلى موسكو.")["ودعا"][0] == "036"
    assert _events("ودعت فرنسا روسيا إلى وقف إطلاق النار.")["ودعت"][0] != "036"


def test_a_noun_inside_what_is_asked_for_goes_on() -> None:
    """ "بوقف اعتقال": the arrests go on, their end is asked for."""
    got = _events("وطالبت أذربيجان بوقف اعتقال مواطنين أذربيجانيين في روسيا.")
    assert got["اعتقال"][1] == "asserted"


def test_requests_must_name_trigger_ids(tmp_path: Path) -> None:
    src = data_path("events", "modality.yaml")
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc["requests"] = [*doc["requests"], "call_onn"]
    path = tmp_path / "modality.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="call_onn") as info:
        load_event_lexicon(modality_path=path)
    assert "modality.yaml" in str(info.value)


def test_a_future_phrase_of_aid_is_a_promise() -> None:
    """ "ستقدم مساعدات": the phrase's verb carries the future, as ستدعم does: intent (033)."""
    got = _events("وقال بوتين إن روسيا ستقدم مساعدات لأذربيجان.")
    assert got["ستقدم مساعدات"][:2] == ("033", "asserted")


def test_the_purpose_of_aid_is_aimed_at_not_done() -> None:
    got = _events('وقال بوتين لعلييف: "سنقدم كل مساعدة ممكنة للتحقيق".')
    assert got["سنقدم كل مساعدة"][:2] == ("033", "asserted")
    assert got["للتحقيق"][1] == "planned"


def test_a_verb_with_a_resumptive_pronoun_takes_the_main_subject() -> None:
    """ "أصدرت الخارجية بيانا حذرت فيه باكو": the ministry warns, Baku is warned."""
    a = analyze(
        Document(
            "أصدرت وزارة الخارجية الروسية بيانا حذرت فيه باكو من التصعيد.",
            "أصدرت وزارة الخارجية الروسية بيانا حذرت فيه باكو من التصعيد.",
            DocumentMeta(published="2025-07-10"),
        )
    )
    warn = [e for e in a.events if a.span(*e.trigger) == "حذرت"]
    assert warn and warn[0].source == ["rus_mfa"] and warn[0].target == ["AZE"]
    assert warn[0].rule.endswith(":relative-clause")


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        # a feminine verb after a sentence about a man: the state after it is its subject
        ("والتقى بوتين علييف في دوشنبه، وطالبت موسكو باكو بالتهدئة.", "وطالبت", "RUS"),
        # the same verb after a sentence about a woman goes on with her (دعت: the defective دعا)
        ("وتابعت زاخاروفا حديثها، ودعت باكو إلى الحوار.", "ودعت", "zakharova_maria"),
        ("وتابع بوتين حديثه، ودعا باكو إلى الحوار.", "ودعا", "putin_vladimir"),
    ],
)
def test_a_shared_subject_agrees_with_the_verb(text: str, verb: str, source: str) -> None:
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    got = [e.source for e in a.events if a.span(*e.trigger) == verb]
    assert got == [[source]]


def test_a_dual_pronoun_on_a_noun_names_the_two_last_parties() -> None:
    text = "واتصل بوتين بعلييف في آب. ورغم اجتماعهما في بكين الشهر الماضي لم يتحدث الرئيسان."
    a = analyze(Document(text, text, DocumentMeta(published="2025-10-10")))
    got = [(e.source, e.target) for e in a.events if a.span(*e.trigger) == "اجتماعهما"]
    assert got == [(["putin_vladimir"], ["aliyev_ilham"])]


def test_a_verb_of_purpose_goes_on_with_the_main_subject() -> None:
    """ "بادر علييف ... ذكرى ميلاد بوتين ليتصل به": Aliyev calls; بوتين closes a genitive."""
    text = "وبادر علييف بانتهاز فرصة ذكرى ميلاد بوتين ليتصل به هاتفيا وليقدم تهانيه."
    a = analyze(Document(text, text, DocumentMeta(published="2025-10")))
    got = {a.span(*e.trigger): (e.source, e.target, e.date) for e in a.events}
    assert got["ليتصل"] == (["aliyev_ilham"], ["putin_vladimir"], "2025-10-07")
    assert got["وليقدم تهانيه"][:2] == (["aliyev_ilham"], ["putin_vladimir"])
    # a masdar after ل is no verb of purpose: its agent is found as before
    assert ":purpose" not in "".join(e.rule for e in a.events if a.span(*e.trigger) == "لبحث")


def test_his_trip_is_a_mans_and_goes_where_ila_says() -> None:
    """ "رحلته مع غريمه ... إلى البيت الأبيض": his (a man's) trip to Washington; the companion
    after مع is not the one visited."""
    text = (
        "وأعاد بوتين نيكول باشينيان إلى صفوف الكومنولث بعدما جنح نحو الاتحاد الأوروبي، "
        "إلى جانب رحلته مع غريمه الرئيس الأذري إلهام علييف إلى البيت الأبيض."
    )
    a = analyze(Document(text, text, DocumentMeta(published="2025-10-10")))
    got = [(e.source, e.target) for e in a.events if a.span(*e.trigger) == "رحلته"]
    assert got == [(["pashinyan_nikol"], ["USA"])]


def test_a_state_inside_a_title_is_part_of_the_title() -> None:
    """ "تم استدعاء السفير الأذربيجاني في روسيا، رحمن مصطفاييف، إلى وزارة الخارجية": في روسيا
    belongs to the ambassador's title; he is the one summoned, by the ministry."""
    text = (
        "في صباح الأول من تموز، تم استدعاء السفير الأذربيجاني في روسيا، رحمن مصطفىيف، "
        "إلى وزارة الخارجية الروسية في ساحة سمولينسكايا."
    )
    a = analyze(Document(text, text, DocumentMeta(published="2025-07")))
    got = [(e.source, e.target, e.date) for e in a.events if e.cameo.startswith("11")]
    assert got == [(["rus_mfa"], ["mustafayev_rahman"], "2025-07-01")]
    # the seat named as where the ministry sits is the ministry
    seat = [m.actor for m in a.mentions if a.span(m.start, m.end) == "ساحة سمولينسكايا"]
    assert seat == ["rus_mfa"]


def test_a_passive_agent_is_close_to_its_noun() -> None:
    """ "تم توقيف عدة أفراد ... [many words] ... من قبل علييف" ends another clause."""
    text = (
        "حيث تم توقيف عدة أفراد، من بينهم عدد من الأذربيجانيين، ضمن عمليات شرطية واسعة، "
        "ما وضع علاقات البلدين في أدنى مستوياتها في التاريخ المعاصر، مصحوبا بسلسلة من "
        "التصرفات غير المألوفة من قبل علييف."
    )
    a = analyze(Document(text, text, DocumentMeta(published="2025-07")))
    assert not [e for e in a.events if ":passive-agent" in e.rule]
