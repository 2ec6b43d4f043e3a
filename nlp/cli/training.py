"""Commands on gold and models: eval, train, train-ner, train-parties."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Optional

import typer

from nlp.cli.base import (Ner, app, at_least_one, deprecated, fail, input_file, input_folder, output_file,
                          report, settings, usage_error, warn_deprecated)
from nlp.cli.documents import readable
from nlp.errors import PolicyNlpError


def _check_eval_folders(gold_dir: Path, docs_dir: Path) -> None:
    """Both folders exist, GOLD holds gold files and DOCS the documents of at least one."""
    input_folder(gold_dir, "folder of gold files")
    input_folder(docs_dir, "folder of documents")
    gold = sorted(gold_dir.glob("*.json"))
    if not gold:
        swapped = any(docs_dir.glob("*.json"))
        usage_error(gold_dir, "no gold *.json files here" + (
            f", but {docs_dir} has some: are GOLD and DOCS swapped? (policy-nlp eval GOLD DOCS)" if swapped else ""))
    if not any(p.suffix != ".json" for g in gold for p in docs_dir.glob(g.stem + ".*")):
        usage_error(docs_dir, f"none of the {len(gold)} gold files has its document here "
                              f"(expected e.g. {gold[0].stem}.txt)")


@app.command(name="eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., metavar="GOLD", help="Folder of gold JSON files."),
    docs_dir: Path = typer.Argument(..., metavar="DOCS", help="Folder of the documents the gold describes."),
    ner: Optional[Ner] = typer.Option(None, "--ner", help="Party recogniser (default auto)."),
    json_out: Optional[Path] = typer.Option(None, "--json-out", metavar="FILE", help="Also write the figures as JSON."),
    pool: bool = typer.Option(False, "--pool", help="Score mentions per file, ignoring the document split."),
    split: Optional[str] = typer.Option(None, "--split", metavar="FILE:NAME",
                                        help="Only the gold files a split names, e.g. SPLIT.tsv:dev."),
    by_file: bool = typer.Option(False, "--by-file", help="Also print one row per file, worst first."),
    diff: bool = typer.Option(False, "--diff", help="Also print each file's missed and extra mentions, sections and metadata."),
    themes_errors: bool = typer.Option(False, "--themes-errors", help="Also print the misclassified gold passages."),
    ner_dev: bool = typer.Option(False, "--ner-dev", help="Also print party F1 of rules and hanlp on the NER dev split."),
    json_old: Optional[Path] = typer.Option(None, "--json", hidden=True, help="Deprecated spelling of --json-out."),
) -> None:
    """Score the program's own output against gold files (P/R/F1 per area).

    \b
    Example:
      policy-nlp eval corpora/gold corpora/seeds --json-out figures.json
      policy-nlp eval ../shared/gold/real ../shared/corpora/real --split ../shared/corpora/real/SPLIT.tsv:dev --by-file
    """
    from nlp.evaluate import evaluate_dir, format_by_file, format_diff, format_report, read_split

    json_out = deprecated(json_out, json_old, "--json-out", "--json")
    _check_eval_folders(gold_dir, docs_dir)
    if json_out is not None:
        output_file(json_out, "--json-out")
    try:
        files = read_split(split) if split else None
    except PolicyNlpError as err:
        report(err)
    warn_deprecated(json_old, "--json-out", "--json")
    try:
        report_ = evaluate_dir(gold_dir, docs_dir, settings=settings(ner=ner), pool=pool, files=files,
                               by_file=by_file, diff=diff)
    except PolicyNlpError as err:
        report(err)
    typer.echo(format_report(report_))
    if by_file:
        typer.echo("\n" + format_by_file(report_["files"]))
    if diff:
        typer.echo("\n" + format_diff(report_["diff"]))
    if themes_errors:
        from nlp.themes.errors import report as themes_report

        try:
            typer.echo("\n" + themes_report(gold_dir, docs_dir, sorted(files) if files is not None else None))
        except PolicyNlpError as err:
            fail(f"themes: {err}")
    if ner_dev:
        from nlp.extract.ner import available
        from nlp.train.ner import CORPUS_DIR, read_records, score_parties

        dev = read_records(CORPUS_DIR / "dev.jsonl")
        backends = ("rules", "hanlp") if available() else ("rules",)
        report_["ner_dev_party"] = {}
        for backend in backends:
            f = score_parties(dev, backend)
            report_["ner_dev_party"][backend] = f
            typer.echo(f"NER dev party ({backend:5s})  P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}  "
                       f"gold={f['gold']} pred={f['pred']}")
    if json_out:
        import json

        json_out.write_text(json.dumps(report_, ensure_ascii=False, indent=1), encoding="utf-8")


def _model_folder(path: Path | None) -> None:
    if path is not None and path.exists() and not path.is_dir():
        usage_error("--output", f"{path} is a file; give a folder for the model")


@app.command()
def train(
    corpus: Optional[Path] = typer.Option(None, "--corpus", metavar="FOLDER",
                                          help="Labelled theme corpus (default corpora/themes)."),
    themes: Optional[Path] = typer.Option(None, "--themes", metavar="FILE",
                                          help="Analyst themes to add (TOML, [[theme]] tables; - reads stdin)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FOLDER",
                                          help="Model folder (default models/themes; models/themes-custom with --themes)."),
    extra: list[Path] = typer.Option([], "--extra", metavar="GOLD",
                                     help="More real gold (a folder of JSON files) whose passages join the real dev "
                                          "passages; each file counts as its own site."),
) -> None:
    """Rebuild the theme model from the labelled corpus and print its dev P/R/F1 per theme.

    \b
    Example:
      policy-nlp train --themes corpora/themes_examples/mythemes.toml -o models/themes-custom
    """
    from nlp.themes import DEFAULT_CORPUS, DEFAULT_MODEL
    from nlp.themes.io import render_train_report
    from nlp.train.themes import train_theme_model

    if corpus is not None:
        input_folder(corpus, "corpus folder")
    if themes is not None:
        input_file(themes)
    for folder in extra:
        input_folder(folder, "gold folder")
    _model_folder(output)
    out = output or (DEFAULT_MODEL.with_name("themes-custom") if themes else DEFAULT_MODEL)
    try:
        with readable(themes) if themes is not None else nullcontext() as themes_file:
            meta = train_theme_model(corpus or DEFAULT_CORPUS, out, themes_file=themes_file, extra=extra,
                                     progress=lambda m: typer.echo(m, err=True))
    except PolicyNlpError as err:
        report(err)
    typer.echo(render_train_report(meta, out))


@app.command(name="train-ner")
def train_ner(
    corpus: Optional[Path] = typer.Option(None, "--corpus", metavar="FOLDER", help="NER corpus folder (default corpora/ner)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FOLDER", help="Model folder (default models/ner)."),
    epochs: int = typer.Option(20, "--epochs", callback=at_least_one, help="Most passes over the training split."),
) -> None:
    """Train the HanLP party recogniser (needs the hanlp extra) and print its dev F1.

    \b
    Example:
      policy-nlp train-ner --epochs 10 -o models/ner
    """
    from nlp.extract.ner import MODEL_DIR, hanlp_installed
    from nlp.train.ner import CORPUS_DIR, train_ner as fit

    if corpus is not None:
        input_folder(corpus, "corpus folder")
    _model_folder(output)
    if not hanlp_installed():
        fail("hanlp is not installed (pip install policy-nlp[hanlp])")
    try:
        meta = fit(corpus_dir=corpus or CORPUS_DIR, out_dir=output or MODEL_DIR, epochs=epochs,
                   log=lambda m: typer.echo(m, err=True))
    except PolicyNlpError as err:
        report(err)
    typer.echo(f"wrote {output or MODEL_DIR}: default backend {meta['default']}")


def _gold_pairs(option: str, items: Optional[list[str]]) -> list[tuple[Path, Path]]:
    """``GOLD:DOCS`` option values as pairs of folders that exist."""
    pairs = []
    for item in items or []:
        g, sep, d = item.partition(":")
        if not sep:
            usage_error(option, f"{item!r}: expected GOLD:DOCS")
        pairs.append((input_folder(Path(g), "folder of gold files"), input_folder(Path(d), "folder of documents")))
    return pairs


@app.command(name="train-parties")
def train_parties(
    gold: Path = typer.Argument(..., metavar="GOLD", help="Folder of gold JSON files (e.g. the real gold)."),
    docs: Path = typer.Argument(..., metavar="DOCS", help="Folder of the documents the gold describes."),
    split: str = typer.Option(..., "--split", metavar="FILE:NAME",
                              help="Split file with a site column and the split to train on, e.g. SPLIT.tsv:dev."),
    extra: Optional[list[str]] = typer.Option(None, "--extra", metavar="GOLD:DOCS",
                                              help="More gold to train on (always in training, never scored)."),
    unseen: Optional[list[str]] = typer.Option(None, "--unseen", metavar="GOLD:DOCS",
                                               help="Pages from sites the rules were never tuned on: cross-validated "
                                                    "by site (hosts from the folder's MANIFEST*.tsv), and the "
                                                    "threshold is chosen on them too."),
    prior: Optional[Path] = typer.Option(None, "--prior", metavar="FOLDER",
                                         help="An earlier party model, trained on pages no longer at hand and "
                                              "never on the --unseen ones, blended into the new fit at the weight "
                                              "that scores best on the unseen pages out of fold (0 drops it)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FOLDER",
                                          help="Model folder (default models/parties)."),
) -> None:
    """Train the learned party recogniser and print its site-grouped out-of-fold P/R/F1.

    \b
    Example:
      policy-nlp train-parties ../shared/gold/real ../shared/corpora/real \\
        --split ../shared/corpora/real/SPLIT.tsv:dev --extra corpora/gold:corpora/seeds
    """
    from nlp.extract.parties_model import MODEL_DIR
    from nlp.train.parties import train_party_model

    input_folder(gold, "folder of gold files")
    input_folder(docs, "folder of documents")
    _model_folder(output)
    path, sep, name = split.rpartition(":")
    if not sep or not path or not name:
        usage_error("--split", f"{split!r}: expected FILE:NAME, e.g. SPLIT.tsv:dev")
    pairs, unseen_pairs = _gold_pairs("--extra", extra), _gold_pairs("--unseen", unseen)
    out = output or MODEL_DIR
    try:
        meta = train_party_model(gold, docs, path, out, split=name, extra=pairs, unseen=unseen_pairs,
                                 prior=input_folder(prior, "model folder") if prior is not None else None,
                                 log=lambda m: typer.echo(m, err=True))
    except PolicyNlpError as err:
        report(err)
    oof = meta["oof"]
    for key in ("rules", "model", "rules+model"):
        f = oof[key]
        typer.echo(f"out of fold ({key:11s}) P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}")
    for key, f in meta["oof_simulation"].items():
        if key in ("rules", "rules+model"):
            typer.echo(f"unseen-site simulation ({key:11s}) P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}")
    if "oof_unseen" in meta:
        for key in ("rules", "rules+model"):
            f = meta["oof_unseen"][key]
            typer.echo(f"unseen pages, out of fold ({key:11s}) P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}")
    if "prior" in meta:
        typer.echo(f"prior {meta['prior']['folder']} blended at weight {meta['prior']['weight']}")
    typer.echo(f"wrote {out}: threshold {meta['threshold']}")
