#!/usr/bin/env python3
"""Rebuild the theme model from the labelled corpus; print its dev P/R/F1 per theme.

usage: python scripts/train_themes.py [--corpus corpora/themes] [--themes FILE.toml] [-o models/themes]

The same as `policy-nlp train`; kept as a script so the recipe can be rerun without the CLI.
Deterministic: the same corpus gives byte-identical files in the output folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nlp.errors import PolicyNlpError
from nlp.themes import DEFAULT_CORPUS, DEFAULT_MODEL
from nlp.themes.io import render_train_report
from nlp.train.themes import train_theme_model


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled theme corpus folder")
    ap.add_argument("--themes", type=Path, help="analyst themes to add (TOML, [[theme]] tables)")
    ap.add_argument("-o", "--output", type=Path, help="model folder (default models/themes, "
                                                        "models/themes-custom with --themes)")
    args = ap.parse_args()
    out = args.output or (DEFAULT_MODEL.with_name("themes-custom") if args.themes else DEFAULT_MODEL)
    try:
        meta = train_theme_model(args.corpus, out, themes_file=args.themes,
                                 progress=lambda m: print(m, file=sys.stderr))
    except PolicyNlpError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(render_train_report(meta, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
