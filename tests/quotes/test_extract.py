from __future__ import annotations

from pathlib import Path

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.model import Analysis, Document, DocumentMeta
from marsad.quotes import direct_spans, extract, get_quote_lexicon
from marsad.text.segment import segment

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def actors():  # type: ignore[no-untyped-def]
    return load_lexicon([HERE.parent / "actors" / "lexicon"], include_package=False)


def _quotes(actors, text: str):  # type: ignore[no-untyped-def]
    doc = Document(text, text, DocumentMeta(published="2024-08-19"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, actors)
    extract(a, get_quote_lexicon())
    out = []
    for q in a.quotes:
        assert a.text[q.content[0] : q.content[1]].strip()
        out.append(
            (q.speaker, a.text[q.content[0] : q.content[1]], q.direct, a.text[q.cue[0] : q.cue[1]])
        )
    return a, out


def test_direct_quote_with_cue_before(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, "وقال بوتين: «نحن نريد علاقات طيبة مع جيراننا».")
    assert got == [("putin_vladimir", "نحن نريد علاقات طيبة مع جيراننا", True, "وقال")]


def test_direct_quote_split_by_cue(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(
        actors, '"العلاقات بين بلدينا قوية جدا"، قال علييف، "ونحن نعمل على تطويرها كل يوم".'
    )
    assert [g[0] for g in got] == ["aliyev_ilham", "aliyev_ilham"]
    assert got[1][1] == "ونحن نعمل على تطويرها كل يوم"


def test_quote_over_several_sentences_and_unclosed_at_paragraph_end(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بوتين: «هذه زيارة مهمة. سنوقع اتفاقات كثيرة. وسنواصل العمل معا\nفقرة أخرى لا علاقة لها."
    _, got = _quotes(actors, text)
    assert got[0][0] == "putin_vladimir"
    assert got[0][1] == "هذه زيارة مهمة. سنوقع اتفاقات كثيرة. وسنواصل العمل معا"


def test_quote_inside_a_quote_stays_inside(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'وقال علييف: «قلت له إن "الصداقة لا تباع" وهذا موقفنا الثابت».'
    _, got = _quotes(actors, text)
    assert len(got) == 1
    assert got[0][1] == 'قلت له إن "الصداقة لا تباع" وهذا موقفنا الثابت'


def test_inch_and_abbreviation_marks_do_not_open_a_quote() -> None:
    text = 'اشترت الوزارة شاشات قياس 55" وأجهزة أخرى من شركة م"ت المحلية للتوريد بأسعار عالية جدا.'
    assert direct_spans(text, 0, len(text)) == []


def test_short_quoted_name_is_not_a_quotation(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, 'نشرت صحيفة "كوميرسانت" تقريرا عن الزيارة.')
    assert got == []


@pytest.mark.parametrize(
    "text",
    [
        "وأكد بوتين أن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "وأوضحت موسكو أن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "وبحسب بوتين فإن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
    ],
)
def test_reported_speech(actors, text: str) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, text)
    assert len(got) == 1
    speaker, content, direct, _ = got[0]
    assert speaker in ("putin_vladimir", "RUS")
    assert "العلاقات مع أذربيجان" in content
    assert direct is False


def test_continuation_refers_back(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(
        actors,
        "وقال علييف إن الزيارة تاريخية بكل المقاييس. وأضاف أن البلدين سيوقعان اتفاقات جديدة.",
    )
    assert [g[0] for g in got] == ["aliyev_ilham", "aliyev_ilham"]


def test_relay_keeps_the_outlet_apart(actors) -> None:  # type: ignore[no-untyped-def]
    a, _ = _quotes(actors, "ونقلت موسكو عن بوتين قوله إن الأمور تسير نحو الأفضل بين البلدين.")
    assert a.quotes and a.quotes[0].speaker == "putin_vladimir" and a.quotes[0].via == "RUS"


def test_stance_towards_actors_in_content(actors) -> None:  # type: ignore[no-untyped-def]
    a, _ = _quotes(actors, "وقال بوتين إن الشراكة الاستراتيجية مع أذربيجان تتعزز.")
    assert a.quotes[0].about == [("AZE", 0.8)]
    b, _ = _quotes(actors, "وقال علييف إن روسيا ترتكب أفعالا عدائية واستفزازية.")
    assert b.quotes[0].about[0][0] == "RUS" and b.quotes[0].about[0][1] < 0


def test_unbalanced_straight_mark_opens_nothing() -> None:
    text = 'قال الوزير إن "الخطة جاهزة وأضاف أن "المرحلة الثانية تبدأ غدا" في العاصمة.'
    spans = direct_spans(text, 0, len(text))
    assert [text[s.start : s.end] for s in spans] == ["المرحلة الثانية تبدأ غدا"]


@pytest.mark.parametrize(
    "text",
    [
        "وفقا لبوتين فإن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "وبحسبه، فإن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "ونقل الموقع عن بوتين أن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
    ],
)
def test_source_phrases_and_relays(actors, text: str) -> None:  # type: ignore[no-untyped-def]
    lead = "وقال بوتين إن الزيارة ناجحة جدا. "
    _, got = _quotes(actors, lead + text)
    assert got[-1][0] == "putin_vladimir"
    assert "العلاقات مع أذربيجان" in got[-1][1]


def test_quoted_name_inside_reported_speech_stays_in_it(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, 'وأكد بوتين أن ممر "شمال جنوب" مهم جدا لروسيا وأذربيجان.')
    assert got and got[0][1].startswith('ممر "شمال جنوب" مهم')


# -- rules added for issue 6 (sentences written for these tests) ----------------------------


def test_complementizer_must_start_a_word(actors) -> None:  # type: ignore[no-untyped-def]
    # "وسكان" ends in "ان": not a complementizer, so "يحذر" reports nothing here
    _, got = _quotes(actors, "ويحذر بوتين قادة وسكان الدول المجاورة من الفوضى القادمة.")
    assert got == []


def test_long_subject_between_cue_and_complementizer(actors) -> None:  # type: ignore[no-untyped-def]
    text = (
        "وقال نائب رئيس مجلس الأمن في روسيا الاتحادية والرئيس السابق للبلاد دميتري ميدفيديف"
        " إن العقوبات لن توقف اقتصاد بلاده."
    )
    _, got = _quotes(actors, text)
    assert [(g[0], g[1]) for g in got] == [("medvedev_dmitry", "العقوبات لن توقف اقتصاد بلاده")]


def test_attribution_with_nasab_ila_and_qawlahu(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'ونسبت الصحيفة إلى رجل الأعمال دونالد ترامب قوله إن "المفاوضات ستبدأ قريبا جدا بين الطرفين".'
    _, got = _quotes(actors, text)
    assert [(g[0], g[2]) for g in got] == [("trump_donald", True)]


def test_source_pronoun_followed_by_a_comma(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بايدن إن واشنطن ستواصل دعم حلفائها. ووفقا له، فإن الإدارة ستعلن قرارها الأسبوع المقبل."
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["biden_joe", "biden_joe"]
    assert got[1][1].endswith("ستعلن قرارها الأسبوع المقبل")


def test_participle_takes_the_subject_of_the_main_verb(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'ويحذر ميدفيديف الأوروبيين من سياسات بايدن، قائلا "إن هذه الطريق ستقود القارة إلى أزمة طاقة".'
    _, got = _quotes(actors, text)
    assert [(g[0], g[2]) for g in got] == [("medvedev_dmitry", True)]


def test_participle_inside_reported_clause_takes_its_subject(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بوتين إن علييف زار موسكو الشهر الماضي، مشيرا إلى أهمية التعاون بين البلدين."
    _, got = _quotes(actors, text)
    by_cue = {g[3]: g[0] for g in got}
    assert by_cue == {"وقال": "putin_vladimir", "مشيرا": "aliyev_ilham"}


def test_quoted_term_after_ila_belongs_to_reported_speech(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, 'أشار علييف إلى تطوير ممر "شمال جنوب" بين البلدين خلال العام.')
    assert [(g[0], g[2]) for g in got] == [("aliyev_ilham", False)]


def test_coordinated_speakers_each_get_the_quote(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, "وأكد بوتين وعلييف أن التعاون الاقتصادي بين البلدين يتطور بسرعة.")
    assert sorted(g[0] for g in got) == ["aliyev_ilham", "putin_vladimir"]
    assert got[0][1] == got[1][1]


def test_quotation_over_two_paragraphs(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'وقال ترامب: "سنعمل على إنهاء الحرب بسرعة. هذا وعدي للناخبين.\nولن نسمح لأحد بعرقلة السلام في المنطقة".'
    _, got = _quotes(actors, text)
    assert len(got) == 1
    assert got[0][0] == "trump_donald"
    assert got[0][1].endswith("بعرقلة السلام في المنطقة")


def test_relative_pronoun_hands_over_the_speaker(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وحضر اللقاء الرئيس الأذربيجاني إلهام علييف، الذي قال إن العلاقات مع موسكو ممتازة جدا."
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["aliyev_ilham"]


def test_kama_goes_on_with_the_last_speaker(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بايدن إن بلاده ستدعم الحلفاء. كما أكد أن العقوبات ستستمر حتى نهاية العام."
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["biden_joe", "biden_joe"]


def test_named_person_beats_an_anaphoric_title(actors) -> None:  # type: ignore[no-untyped-def]
    text = (
        "وقال بايدن إن المحادثات كانت صعبة للغاية. "
        "ورأى المسؤول الروسي دميتري ميدفيديف أن الغرب لا يريد السلام."
    )
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["biden_joe", "medvedev_dmitry"]


def test_source_with_an_anaphoric_outlet(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بوتين إن الزيارة ناجحة جدا. وبحسب المسؤول؛ ستوقع الحكومتان اتفاقا جديدا للطاقة."
    _, got = _quotes(actors, text)
    assert len(got) == 2
    assert got[1][1] == "ستوقع الحكومتان اتفاقا جديدا للطاقة"


def test_kama_cue_with_a_comma_before_the_content(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وكما ذكر علييف، ارتفع حجم التبادل التجاري بين البلدين خلال العام الماضي."
    _, got = _quotes(actors, text)
    assert len(got) == 1
    assert got[0][0] == "aliyev_ilham"
    assert got[0][1] == "ارتفع حجم التبادل التجاري بين البلدين خلال العام الماضي"


def test_what_is_described_belongs_to_the_content(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, "ووصف بوتين المحادثات مع باكو بأنها بناءة ومفيدة للطرفين.")
    assert [(g[0], g[1]) for g in got] == [
        ("putin_vladimir", "المحادثات مع باكو بأنها بناءة ومفيدة للطرفين")
    ]


def test_describing_participle(actors) -> None:  # type: ignore[no-untyped-def]
    text = "والتقى علييف الوفد الروسي في باكو، واصفا المحادثات بأنها صريحة ومثمرة جدا."
    _, got = _quotes(actors, text)
    assert [(g[0], g[1]) for g in got] == [("aliyev_ilham", "المحادثات بأنها صريحة ومثمرة جدا")]


def test_participle_takes_the_first_person_of_its_clause(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'وأجرى ترامب مكالمة هاتفية مع بوتين، معبرا له عن "الأمل في سلام قريب ودائم".'
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["trump_donald"]


def test_subjectless_cue_goes_with_the_person_the_paragraph_is_about(actors) -> None:  # type: ignore[no-untyped-def]
    text = (
        "وقال بايدن إن واشنطن لن تتراجع عن موقفها.\n"
        "وحرص بوتين على حضور القمة في موعدها. وقال إنه سيعمل على تعزيز التعاون الإقليمي."
    )
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["biden_joe", "putin_vladimir"]


def test_comment_cue_after_another_quote(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'ورد علييف قائلا "شكرا لكم على هذا الاستقبال الحار"، وهو ما علق عليه ميدفيديف بقوله "كلام مجاملة لا أكثر".'
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["aliyev_ilham", "medvedev_dmitry"]


def test_cue_after_a_sentence_end_does_not_claim_the_quoted_term(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'وتحدث الإعلام عن البلدين "الحليفين". أشار بوتين إلى أن التجارة بين البلدين تنمو بسرعة.'
    _, got = _quotes(actors, text)
    assert [(g[0], g[2]) for g in got] == [("putin_vladimir", False)]


def test_cue_after_bal_shares_the_subject_before_it(actors) -> None:  # type: ignore[no-untyped-def]
    text = "ولم يكتف ميدفيديف بانتقاد العقوبات، بل قال أيضا إن أوروبا ستدفع ثمنا باهظا."
    _, got = _quotes(actors, text)
    assert [(g[0], g[1]) for g in got] == [("medvedev_dmitry", "أوروبا ستدفع ثمنا باهظا")]


def test_apposition_between_subject_and_cue(actors) -> None:  # type: ignore[no-untyped-def]
    text = "دميتري ميدفيديف، نائب رئيس مجلس الأمن، قال إن الرد الروسي سيكون حازما."
    _, got = _quotes(actors, text)
    assert [(g[0], g[1]) for g in got] == [("medvedev_dmitry", "الرد الروسي سيكون حازما")]


def test_expectation_verb_is_a_cue(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, "وتوقع علييف أن تنتهي المفاوضات باتفاق شامل قبل نهاية العام.")
    assert [g[0] for g in got] == ["aliyev_ilham"]


def test_verb_inside_reported_content_is_not_a_new_cue(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وأشار بوتين إلى أن أرمينيا تعتبر شريكا مهما رغم الخلافات الأخيرة بين البلدين."
    _, got = _quotes(actors, text)
    assert [g[0] for g in got] == ["putin_vladimir"]


def test_reported_clause_before_a_quotation_is_its_own_quote(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بوتين إن القمة غير مقررة في الوقت الحالي، لكن «إذا لزم الأمر فسنلتقي قريبا جدا»."
    _, got = _quotes(actors, text)
    assert sorted((g[2], g[1]) for g in got) == [
        (False, "القمة غير مقررة في الوقت الحالي، لكن"),
        (True, "إذا لزم الأمر فسنلتقي قريبا جدا"),
    ]
    assert {g[0] for g in got} == {"putin_vladimir"}


def test_quotation_that_ends_the_reported_clause_is_one_quote(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بوتين إن علييف حفر اسمه «بحروف من ذهب في تاريخ البلدين»."
    _, got = _quotes(actors, text)
    assert [g[2] for g in got] == [True]


def test_reported_speech_runs_on_after_an_additive_connective(actors) -> None:  # type: ignore[no-untyped-def]
    text = (
        "وقال علييف إن الطريق الجديد سيخفض كلفة النقل. بالإضافة إلى ذلك، سيجذب الممر استثمارات كبيرة. "
        "وزار الوفد الميناء بعد ذلك."
    )
    _, got = _quotes(actors, text)
    assert [(g[0], g[1]) for g in got] == [
        (
            "aliyev_ilham",
            "الطريق الجديد سيخفض كلفة النقل. بالإضافة إلى ذلك، سيجذب الممر استثمارات كبيرة",
        )
    ]
