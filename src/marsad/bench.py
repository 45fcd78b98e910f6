"""Benchmark the extraction pipeline: documents/s, MB/s, seconds per stage, peak memory, floor ratio.

The figure that matters besides raw speed is how far the pipeline is from a
*floor*: the least any extractor must do with the same text, that is read it,
normalize it and run the actor lexicon's automaton over it once.  Both are
measured in the same run, on the same documents, after the language data has
been loaded, so ``floor_ratio`` (pipeline seconds / floor seconds) does not
depend on how fast the machine happens to be.

With no corpus given the benchmark writes a synthetic corpus: news-length
articles (about 700 words) built from sentence templates written for this
module, with real states, capitals and office holders drawn from the actor
lexicon, varied event verbs, dates and quotations, plus the bundled sample
corpus.  The synthetic events are fictional; the articles only have to look,
to the pipeline, like a day of wire copy.
"""

from __future__ import annotations

import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.ingest import SAMPLE_DIR, Candidate, Rejection, iter_inputs
from marsad.model import Document
from marsad.pipeline import analyze
from marsad.text.normalize import normalize

DEFAULT_N = 300
STAGE_ORDER = ("read", "clean", "normalize", "segment", "time", "actors", "events", "quotes")

# -- the synthetic corpus ------------------------------------------------------------------
_ROLES: dict[str, str] = {  # role -> title (the templates' verbs are masculine)
    "head_of_state": "الرئيس",
    "head_of_government": "رئيس الوزراء",
    "foreign_minister": "وزير الخارجية",
    "defence_minister": "وزير الدفاع",
}
_WEEKDAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_MONTHS = (
    "يناير/كانون الثاني",
    "فبراير/شباط",
    "مارس/آذار",
    "أبريل/نيسان",
    "مايو/أيار",
    "يونيو/حزيران",
    "يوليو/تموز",
    "أغسطس/آب",
    "سبتمبر/أيلول",
    "أكتوبر/تشرين الأول",
    "نوفمبر/تشرين الثاني",
    "ديسمبر/كانون الأول",
)
_TOPICS = (
    "الطاقة والنقل",
    "الزراعة والأمن الغذائي",
    "التجارة والاستثمار",
    "مكافحة الإرهاب",
    "التعليم العالي والبحث العلمي",
    "الصحة والصناعات الدوائية",
    "الربط الكهربائي",
    "الموانئ والملاحة البحرية",
    "السياحة والطيران المدني",
    "المياه والري",
)
_GRIEVANCES = (
    "تصريحات اعتبرتها مسيئة",
    "توقيف عدد من مواطنيها دون إبلاغ قنصليتها",
    "رسوم جمركية فرضت على صادراتها",
    "مناورات عسكرية قرب حدودها",
    "تقرير إعلامي وصفته بالمضلل",
    "خرق طائرة مسيرة لأجوائها",
    "قرار يقيد حركة الشاحنات على المعابر",
)
_INCIDENTS = (
    "الهجوم الذي استهدف قافلة مساعدات",
    "القصف الذي طال منشآت مدنية",
    "اقتحام مقر البعثة الدبلوماسية",
    "احتجاز سفينة تجارية في المياه الدولية",
    "التفجير الذي وقع قرب مبنى حكومي",
)
_BYLINES = ("سلمى العطار", "مروان الخطيب", "نادين صبري", "عادل القاضي", "ريم الشامي")
_OUTLETS = ("وكالة الأنباء", "الإذاعة", "الوكالة الرسمية للأنباء")

# Sentence templates (written for this module).  Slots: {PA}/{PB} a person with title,
# {CA}/{CB} country names, {aA}/{aB} adjectives with the article ({fA} feminine), {KA}/{KB} capitals,
# {D} a date expression, {F} a future date expression, {T} a topic, {G} a grievance,
# {I} an incident, {N} a number, {Y} a past year, {O} an outlet, {R} a round number.
_EVENT_SENTENCES = (
    "استقبل {PA} في {KA} {D} {PB}، وبحث الجانبان سبل تعزيز التعاون في مجالات {T}.",
    "أعلنت وزارة الخارجية {fA} {D} استدعاء سفير {CB} لديها وتسليمه مذكرة احتجاج على {G}.",
    "ووقع {PA} و{PB} اتفاقية للتعاون في مجال {T} خلال زيارة رسمية إلى {KB}.",
    "وأدان {PA} بشدة {I}، واتهم {CB} بالمسؤولية عن التصعيد الأخير على الحدود.",
    "وهدد {PA} بفرض عقوبات اقتصادية جديدة على {CB} إذا لم تتراجع عن قراراتها الأخيرة.",
    "ودعا {PA} {CB} إلى العودة إلى طاولة المفاوضات واحترام الاتفاقات الموقعة بين البلدين.",
    "وأجرى {PA} اتصالا هاتفيا مع {PB} {D}، تناول آخر التطورات في المنطقة.",
    "ومن المقرر أن يزور {PA} {KB} {F} لإجراء محادثات مع كبار المسؤولين هناك.",
    "وأعربت {CA} عن قلقها البالغ إزاء {I}، وطالبت بفتح تحقيق مستقل وشفاف.",
    "ونفى المتحدث باسم الخارجية {aA} الاتهامات التي وجهتها {CB}، ووصفها بأنها عارية عن الصحة.",
    "وقررت حكومة {CA} طرد {N} دبلوماسيين من سفارة {CB} وأمهلتهم ثمانيا وأربعين ساعة لمغادرة البلاد.",
    "وقدمت {CA} مساعدات إنسانية إلى {CB} تشمل {N} أطنان من المواد الغذائية والأدوية.",
    "وتعهد {PA} بتقديم دعم عسكري إلى {CB} لمساعدتها على حماية حدودها.",
    "واتفق الجانبان على عقد الاجتماع المقبل للجنة الحكومية المشتركة في {KA} {F}.",
    "وهنأ {PA} {PB} بمناسبة العيد الوطني، متمنيا لشعب {CB} مزيدا من التقدم.",
    "ورحبت {CA} بقرار {CB} رفع القيود المفروضة على تأشيرات الدخول للطلاب ورجال الأعمال.",
    "وانتقد {PA} سياسة {CB} في المنطقة، معتبرا أنها تغذي التوتر ولا تخدم الاستقرار.",
    "وأعلنت {CA} {D} تعليق رحلاتها الجوية إلى {KB} حتى إشعار آخر.",
    "وبحث {PA} مع سفير {CB} في {KA} الاستعدادات للقمة المرتقبة {F}.",
    "وطالبت {CA} {CB} بالإفراج الفوري عن مواطنيها المحتجزين لديها منذ {Y}.",
    "ورفضت {CA} الوساطة التي عرضتها {CB} لتسوية النزاع، مؤكدة أنها شأن داخلي.",
    "وشارك {PA} في افتتاح منتدى الأعمال المشترك الذي نظمته غرفة التجارة في {KB}.",
)
_QUOTE_SENTENCES = (
    "وقال {PA} في مؤتمر صحفي مشترك إن «العلاقات مع {CB} تمر بمرحلة دقيقة تتطلب الحكمة».",
    "وأكد {PA} أن بلاده «لن تقبل أي مساس بسيادتها، وستدافع عن مصالحها بكل الوسائل».",
    'وصرح {PA} للصحفيين: "نريد شراكة متوازنة مع {CB} تقوم على الاحترام المتبادل".',
    "وأضاف {PA} أن «الحوار هو الطريق الوحيد لتجاوز الخلافات مع {CB}»، بحسب ما نقلت {O} {fA}.",
    "وقال مصدر دبلوماسي في {KA} إن المحادثات مع {CB} «كانت صريحة لكنها لم تحسم الملفات العالقة».",
    "وشدد {PA} على أن «أمن المنطقة مسؤولية جماعية، ولا يمكن لأي طرف أن ينفرد بها».",
)
_BACKGROUND_SENTENCES = (
    "ويبلغ حجم التبادل التجاري بين {CA} و{CB} نحو {N} مليارات دولار سنويا، بحسب أرقام رسمية.",
    "وتشهد العلاقات بين البلدين فتورا منذ عام {Y} على خلفية {G}.",
    "ويرى محللون أن التقارب الأخير يعكس رغبة الطرفين في تنويع الشراكات في ظل الأزمات الاقتصادية المتلاحقة.",
    "وكان الجانبان قد وقعا في عام {Y} مذكرة تفاهم في مجال {T} لم تدخل حيز التنفيذ حتى الآن.",
    "ويعيش في {CB} نحو {N} آلاف من رعايا {CA}، يعمل معظمهم في قطاعي البناء والخدمات.",
    "ويأتي ذلك في وقت تتزايد فيه الضغوط الداخلية على الحكومة بسبب ارتفاع الأسعار وتراجع قيمة العملة.",
    "وتعد {CB} من أبرز الشركاء الاقتصاديين لـ{CA} في مجال {T}، وفق بيانات المصرف المركزي.",
    "وتضم اللجنة المشتركة ممثلين عن {N} وزارات، وتعقد اجتماعاتها بالتناوب بين العاصمتين.",
    "ويقول خبراء في الشؤون الإقليمية إن الملفات الخلافية ما زالت أكثر من نقاط الالتقاء بين الجانبين.",
    "وتأتي هذه الجولة، وهي الجولة رقم {R} من المشاورات، بعد أشهر من الجمود في الاتصالات الرسمية.",
)
_HEADLINES = (
    "{CA} و{CB} تبحثان تعزيز التعاون في مجال {T}",
    "توتر جديد بين {CA} و{CB} بعد {G}",
    "{KA} تستدعي سفير {CB} وتحتج على {G}",
    "مباحثات في {KB} حول الملفات العالقة بين {CA} و{CB}",
)


@dataclass(frozen=True, slots=True)
class _Country:
    code: str
    name: str
    adjective: str  # masculine, with the article
    capital: str


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class _Cast:
    countries: tuple[_Country, ...]
    people: dict[str, tuple[_Person, ...]]  # country code -> people in office


@cache
def _cast() -> _Cast:
    """States with an adjective and a capital, and their current office holders, from the lexicon."""
    from marsad.actors.lexicon import get_lexicon

    lex = get_lexicon()
    people: dict[str, list[_Person]] = {}
    for p in lex.people.values():
        last = p.offices[-1]
        if last.role in _ROLES and last.to is None and last.country is None and p.gender == "m":
            people.setdefault(p.country, []).append(_Person(p.name, last.role))
    countries = tuple(
        _Country(c.code, c.name, "ال" + c.adjective, c.capitals[0])
        for c in lex.countries.values()
        if c.kind == "country"
        and c.adjective
        and " " not in c.adjective
        and c.capitals
        and c.code in people
    )
    return _Cast(countries, {k: tuple(v) for k, v in people.items()})


def _person(rng: random.Random, cast: _Cast, country: _Country) -> str:
    p = rng.choice(cast.people[country.code])
    return f"{_ROLES[p.role]} {country.adjective} {p.name}"


def _date_phrase(rng: random.Random, day: date, future: bool) -> str:
    if future:
        return rng.choice(
            ("الشهر المقبل", "الأسبوع المقبل", "خلال الأيام المقبلة", "مطلع العام المقبل")
        )
    back = day - timedelta(days=rng.randint(1, 6))
    return rng.choice(
        (
            "أمس",
            "اليوم",
            f"يوم {_WEEKDAYS[(back.weekday() + 1) % 7]}",
            f"في {back.day} {_MONTHS[back.month - 1]} الجاري",
            "الأسبوع الماضي",
            f"مساء {_WEEKDAYS[(back.weekday() + 1) % 7]} الماضي",
        )
    )


def synthetic_article(index: int, seed: int = 0) -> str:
    """One news-length article (about 700 words); the same ``(index, seed)`` gives the same text."""
    rng = random.Random(seed * 1_000_003 + index)
    cast = _cast()
    a, b = rng.sample(cast.countries, 2)
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))

    def fill(template: str) -> str:
        return template.format(
            PA=_person(rng, cast, a),
            PB=_person(rng, cast, b),
            CA=a.name,
            CB=b.name,
            aA=a.adjective,
            aB=b.adjective,
            fA=a.adjective + "ة",
            KA=a.capital,
            KB=b.capital,
            D=_date_phrase(rng, day, future=False),
            F=_date_phrase(rng, day, future=True),
            T=rng.choice(_TOPICS),
            G=rng.choice(_GRIEVANCES),
            I=rng.choice(_INCIDENTS),
            N=rng.randint(3, 9),
            Y=rng.randint(2005, 2022),
            O=rng.choice(_OUTLETS),
            R=index + 1,
        )

    paragraphs: list[str] = []
    words = 0
    while words < 700:
        sentences = [fill(rng.choice(_EVENT_SENTENCES))]
        sentences.append(
            fill(rng.choice(_QUOTE_SENTENCES if rng.random() < 0.5 else _EVENT_SENTENCES))
        )
        sentences.append(fill(rng.choice(_BACKGROUND_SENTENCES)))
        if rng.random() < 0.5:
            sentences.append(fill(rng.choice(_EVENT_SENTENCES)))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    paragraphs[-1] += " " + fill(_BACKGROUND_SENTENCES[-1])  # a unique round number: no duplicates
    head = [
        fill(rng.choice(_HEADLINES)),
        f"{_WEEKDAYS[(day.weekday() + 1) % 7]} {day.day:02d}/{day.month:02d}/{day.year}",
        f"كتب: {rng.choice(_BYLINES)}",
    ]
    return "\n\n".join([*head, *paragraphs]) + "\n"


def write_synthetic_corpus(folder: Path, n: int, seed: int = 0) -> int:
    """Write ``n`` synthetic articles as UTF-8 ``.txt`` files into ``folder``; return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        data = synthetic_article(i, seed).encode("utf-8")
        (folder / f"synthetic_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


# -- the runner ----------------------------------------------------------------------------
@dataclass(slots=True)
class BenchResult:
    """What one benchmark run measured; :meth:`to_dict` is what ``marsad bench --json`` prints."""

    corpus: str
    documents: int
    input_mb: float
    words: int
    pipeline_s: float
    floor_s: float
    load_s: float
    peak_rss_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    floor_stages: dict[str, float] = field(default_factory=dict)
    # work the pipeline leaves for later and only some consumers do (seconds): "tokens", the clitic
    # split of every word, made on first use for the store's search text; not in pipeline_s
    deferred: dict[str, float] = field(default_factory=dict)
    rejected: int = 0  # inputs that could not be read
    failed: int = 0  # documents a stage failed on
    analyze_cpu_s: float = (
        0.0  # CPU seconds of the stages: near their wall time unless the machine is busy
    )
    machine: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.pipeline_s if self.pipeline_s > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.input_mb / self.pipeline_s if self.pipeline_s > 0 else 0.0

    @property
    def floor_ratio(self) -> float:
        return self.pipeline_s / self.floor_s if self.floor_s > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["stages"] = {k: round(v, 4) for k, v in self.stages.items()}
        out["floor_stages"] = {k: round(v, 4) for k, v in self.floor_stages.items()}
        out["deferred"] = {k: round(v, 4) for k, v in self.deferred.items()}
        for key in ("input_mb", "pipeline_s", "floor_s", "load_s", "peak_rss_mb", "analyze_cpu_s"):
            out[key] = round(out[key], 4)
        out["docs_per_s"] = round(self.docs_per_s, 2)
        out["mb_per_s"] = round(self.mb_per_s, 4)
        out["floor_ratio"] = round(self.floor_ratio, 2)
        out["ms_per_doc"] = round(1000 / self.docs_per_s, 3) if self.docs_per_s else None
        return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1024


def machine_info() -> dict[str, Any]:
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(terse=True),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }


def _read(paths: Sequence[Path]) -> tuple[list[Candidate], int, int, float]:
    """Read and decode every input (candidates, input bytes, rejected, seconds)."""
    t0 = time.perf_counter()
    candidates: list[Candidate] = []
    rejected = 0
    for item in iter_inputs(paths):
        if isinstance(item, Candidate):
            candidates.append(item)
        elif isinstance(item, Rejection):
            rejected += 1
    elapsed = time.perf_counter() - t0
    size = sum(len(c.article.text.encode("utf-8")) for c in candidates)
    return candidates, size, rejected, elapsed


def _clean(candidates: Iterable[Candidate]) -> tuple[list[Document], float]:
    t0 = time.perf_counter()
    docs = []
    for c in candidates:
        try:
            docs.append(c.build())
        except Exception:  # an unusable article is not the benchmark's concern
            continue
    return docs, time.perf_counter() - t0


def floor_pass(documents: Sequence[Document]) -> tuple[float, float, int]:
    """Normalize every text and run the actor automaton over it once: (normalize s, scan s, hits)."""
    from marsad.actors.lexicon import get_lexicon

    automaton = get_lexicon().automaton()
    t_norm = t_scan = 0.0
    hits = 0
    for doc in documents:
        t0 = time.perf_counter()
        text = normalize(doc.text).text
        t1 = time.perf_counter()
        for _ in automaton.iter(text):
            hits += 1
        t_norm += t1 - t0
        t_scan += time.perf_counter() - t1
    return t_norm, t_scan, hits


def pipeline_pass(documents: Sequence[Document]) -> tuple[dict[str, float], int]:
    """Run every stage on every document: seconds per stage plus ``normalize`` (the analysis set-up
    and the runner), and the number of documents a stage failed on (counted, as ingest rejects them).

    The tokens, which no stage reads and the segmentation makes on first use, are made after each
    document, off the pipeline's clock, and timed as ``_tokens``: ingesting into a store pays that
    too (its search text holds the clitic-free stems)."""
    timings: dict[str, float] = {}
    total = 0.0
    failed = 0
    cpu0 = time.process_time()
    tokens = 0.0
    for doc in documents:
        t0 = time.perf_counter()
        try:
            analysis = analyze(doc, timings=timings)
        except MarsadError:
            failed += 1
            continue
        finally:
            total += time.perf_counter() - t0
        cpu = time.process_time()
        t1 = time.perf_counter()
        if analysis.segmentation is not None:  # the store's search text needs them
            _ = analysis.segmentation.tokens
        tokens += time.perf_counter() - t1
        cpu0 += time.process_time() - cpu  # not a stage: keep it out of the stages' CPU time
    timings["normalize"] = max(0.0, total - sum(timings.values()))
    timings["_cpu"] = time.process_time() - cpu0
    timings["_tokens"] = tokens
    return timings, failed


def warm_up() -> float:
    """Load every data file (lexicons, patterns) once, as any long-running process does; seconds."""
    t0 = time.perf_counter()
    from marsad.actors.lexicon import get_lexicon

    get_lexicon().automaton()
    sample = Document(raw="", text=synthetic_article(0, seed=-1))
    analyze(sample)
    return time.perf_counter() - t0


def run_bench(
    corpus: Sequence[Path] | None = None,
    *,
    n: int = DEFAULT_N,
    seed: int = 0,
    repeat: int = 1,
) -> BenchResult:
    """Benchmark the pipeline on ``corpus`` (files or folders), or on ``n`` synthetic articles plus
    the bundled sample.  With ``repeat`` > 1 each pass runs that many times and the fastest counts
    (on a busy machine timings only err slow)."""
    load_s = warm_up()
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        if corpus:
            paths = list(corpus)
            label = ", ".join(str(p) for p in paths)
        else:
            folder = Path(tmp) / "synthetic"
            write_synthetic_corpus(folder, n, seed)
            paths = [folder, SAMPLE_DIR]
            label = f"synthetic ({n} articles, seed {seed}) + bundled sample"
        runs = [_read(paths) for _ in range(max(1, repeat))]
        candidates, size, rejected, read_s = min(runs, key=lambda r: r[3])
    cleans = [_clean(candidates) for _ in range(max(1, repeat))]
    documents, clean_s = min(cleans, key=lambda r: r[1])
    floors = [floor_pass(documents) for _ in range(max(1, repeat))]
    norm_s, scan_s, _ = min(floors, key=lambda r: r[0] + r[1])
    passes = [pipeline_pass(documents) for _ in range(max(1, repeat))]
    stage_s, failed = min(passes, key=lambda t: t[0]["_cpu"])
    analyze_cpu_s = stage_s.pop("_cpu")
    tokens_s = stage_s.pop("_tokens")
    stages = {"read": read_s, "clean": clean_s, **stage_s}
    stages = {k: stages[k] for k in STAGE_ORDER if k in stages} | {
        k: v for k, v in stages.items() if k not in STAGE_ORDER
    }
    return BenchResult(
        corpus=label,
        documents=len(documents),
        input_mb=size / 1e6,
        words=sum(len(d.text.split()) for d in documents),
        pipeline_s=sum(stages.values()),
        floor_s=read_s + norm_s + scan_s,
        load_s=load_s,
        peak_rss_mb=peak_rss_mb(),
        stages=stages,
        floor_stages={"read": read_s, "normalize": norm_s, "scan": scan_s},
        deferred={"tokens": tokens_s},
        rejected=rejected,
        failed=failed,
        analyze_cpu_s=analyze_cpu_s,
        machine=machine_info(),
    )
