"""``marsad eval`` (score against gold) and ``marsad extract --format gold`` (predictions as gold-format JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from marsad.cli.common import JSON_OPTION, console, print_json
from marsad.errors import InputError
from marsad.evaluation import load_gold, parse_gold, predict_files, predict_gold_documents, score
from marsad.evaluation.gsr import evaluate_gsr
from marsad.evaluation.report import print_gsr, print_report

FORMATS = ("gold",)

GOLD_ARGUMENT = typer.Argument(
    ..., help="Gold file: gold-format JSON, or an arabic_event_gsr *_gsr.csv."
)
TEXTS_OPTION = typer.Option(
    None,
    "--texts",
    help="Folder holding the text of every gold document (DIR/<doc>); the pipeline runs on it.",
)
SAVE_OPTION = typer.Option(
    None,
    "--save-predictions",
    help="Also write what the pipeline extracted, in the gold format, to FILE.",
)
PREDICTIONS_OPTION = typer.Option(
    None,
    "--predictions",
    help="Score this gold-format predictions file instead of running the pipeline.",
)
PATHS_ARGUMENT = typer.Argument(..., help="Text files, or folders of text files.")
FORMAT_OPTION = typer.Option(
    "gold", "--format", help="Output format: gold (the JSON of spec/gold-format.md)."
)
OUT_OPTION = typer.Option(None, "--out", help="Write to FILE instead of standard output.")
CORPUS_OPTION = typer.Option(
    None, "--corpus", help="Corpus name to write (default: the first folder's name)."
)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("extract")(extract_command)


def _write_json(data: Any, path: Path) -> None:
    try:
        with path.open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    except OSError as exc:
        raise InputError(f"cannot write: {exc}", source=str(path)) from None


def _eval_gsr(
    gold: Path, as_json: bool, texts: Path | None, save: Path | None, given: Path | None
) -> None:
    if texts or save or given:
        raise InputError(
            "--texts, --save-predictions and --predictions apply to gold JSON files, not to a *_gsr.csv",
            source=str(gold),
        )
    result = evaluate_gsr(gold)
    if as_json:
        print_json(result)
    else:
        print_gsr(result, console(), title=f"{gold.name}: sentences with an event of each type")


def eval_command(
    gold: Path = GOLD_ARGUMENT,
    texts: Path | None = TEXTS_OPTION,
    as_json: bool = JSON_OPTION,
    save_predictions: Path | None = SAVE_OPTION,
    predictions: Path | None = PREDICTIONS_OPTION,
) -> None:
    """Score extraction against a gold file: actors, events, quotes, status and metadata (spec/gold-format.md)."""
    if gold.suffix.lower() == ".csv":
        _eval_gsr(gold, as_json, texts, save_predictions, predictions)
        return
    if predictions is not None:
        if texts is not None or save_predictions is not None:
            raise InputError(
                "--predictions scores a file as it is: do not also give --texts or --save-predictions"
            )
        report = score(load_gold(gold), load_gold(predictions))
    else:
        if texts is None:
            raise InputError(
                "give --texts DIR (the articles to run the pipeline on) or --predictions FILE"
            )
        gold_corpus = load_gold(gold)
        predicted = predict_gold_documents(gold_corpus, texts)
        if (
            save_predictions is not None
        ):  # saved before validation, so that a bad record can be inspected
            _write_json(predicted, save_predictions)
        report = score(gold_corpus, parse_gold(predicted, source=f"predictions for {gold}"))
    if as_json:
        print_json(report)
    else:
        print_report(report, console())


def extract_command(
    paths: list[Path] = PATHS_ARGUMENT,
    fmt: str = FORMAT_OPTION,
    out: Path | None = OUT_OPTION,
    corpus: str | None = CORPUS_OPTION,
) -> None:
    """Run the pipeline on texts that have no gold and print what it extracted in the gold format."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r} is not supported (choose from: {', '.join(FORMATS)})")
    name = corpus or (
        paths[0].resolve().name if paths[0].is_dir() else paths[0].resolve().parent.name
    )
    data = predict_files(paths, name)
    if out is not None:
        _write_json(data, out)
    else:
        print_json(data)
