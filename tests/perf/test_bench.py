"""marsad bench: the JSON it prints and the synthetic corpus it writes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.bench import synthetic_article, write_synthetic_corpus
from marsad.cli import build_app
from marsad.ingest import SAMPLE_DIR

KEYS = {"docs_per_s", "mb_per_s", "floor_ratio", "peak_rss_mb", "stages", "floor_s", "pipeline_s"}


def test_synthetic_articles_are_news_length_reproducible_and_distinct() -> None:
    a = synthetic_article(0)
    assert a == synthetic_article(0)
    assert a != synthetic_article(1)
    assert 650 <= len(a.split()) <= 950
    head = a.split("\n\n")[:3]
    assert head[2].startswith("كتب:")  # a byline, as wire copy has
    assert any(ch in a for ch in '«"')  # quotations


def test_bench_json_on_a_tiny_corpus(tmp_path: Path) -> None:
    write_synthetic_corpus(tmp_path, 3)
    result = CliRunner().invoke(build_app(), ["bench", str(tmp_path), str(SAMPLE_DIR), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= KEYS
    assert data["documents"] == 3 + 7
    assert data["docs_per_s"] > 0 and data["mb_per_s"] > 0
    assert data["floor_ratio"] >= 1  # the floor is part of the pipeline's own work
    assert 10 < data["peak_rss_mb"] < 4000
    stages = data["stages"]
    assert {"read", "clean", "segment", "actors", "events"} <= set(stages)
    assert all(v >= 0 for v in stages.values())
    assert abs(sum(stages.values()) - data["pipeline_s"]) < 0.01
    # tokens are made on first use, timed apart from the pipeline (the store's search text pays them)
    assert data["deferred"]["tokens"] > 0 and "tokens" not in stages


def test_bench_without_a_corpus_generates_one() -> None:
    result = CliRunner().invoke(build_app(), ["bench", "--n", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 2 + 7  # and the bundled sample
    assert data["corpus"].startswith("synthetic")


def test_bench_names_a_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["bench", str(tmp_path / "nope")])
    assert result.exit_code != 0
