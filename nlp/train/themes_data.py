"""Themes, training data: the labelled corpus, analyst themes, and the real labelled passages.

- ``read_theme_corpus``: ``corpora/themes/*.jsonl`` (objects with ``id``, ``text``, ``themes``,
  ``source``) and ``split.json`` (the dev source ids), hashed so meta.json can name what it saw;
- ``read_analyst_themes``: ``[[theme]]`` tables of a TOML file (name, definition, seeds, examples);
- ``read_real_passages``: the passages of the shared real gold (``../shared/gold/real``) of one split
  of ``../shared/corpora/real/SPLIT.tsv``; training reads the dev split only, and a test file is
  filtered out by SPLIT.tsv before it is opened.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from nlp.errors import BadOption
from nlp.vocab import THEMES

BUILTIN_THEMES = THEMES  # the contract's themes, named once in nlp.vocab


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    themes: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Corpus:
    examples: tuple[Example, ...]
    dev_sources: frozenset[str]
    hash: str
    files: tuple[str, ...]

    @property
    def train(self) -> list[Example]:
        return [e for e in self.examples if e.source not in self.dev_sources]

    @property
    def dev(self) -> list[Example]:
        return [e for e in self.examples if e.source in self.dev_sources]


@dataclass(frozen=True, slots=True)
class AnalystTheme:
    name: str
    definition: str
    seeds: tuple[str, ...]
    examples: tuple[tuple[str, bool], ...]  # (text, label)


def label_matrix(examples: Sequence[Example], themes: Sequence[str] = BUILTIN_THEMES):
    """0/1 labels, one row per example and one column per theme."""
    import numpy as np

    return np.array([[t in e.themes for t in themes] for e in examples], dtype=np.int64).reshape(-1, len(themes))


# the written corpus ---------------------------------------------------------------------------


def read_theme_corpus(corpus_dir: str | Path, *, themes: Sequence[str] = BUILTIN_THEMES) -> Corpus:
    """Read ``*.jsonl`` and ``split.json`` of a theme corpus; a bad row raises with file:line."""
    corpus_dir = Path(corpus_dir)
    files = sorted(corpus_dir.glob("*.jsonl"))
    if not files:
        raise BadOption(f"{corpus_dir}: no *.jsonl theme corpus here (expected corpora/themes/)")
    digest = hashlib.sha256()
    examples = []
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        for lineno, line in enumerate(raw.decode("utf-8").splitlines(), 1):
            if line.strip():
                examples.append(_read_example(line, f"{path.name}:{lineno}", themes))
    split_path = corpus_dir / "split.json"
    dev: frozenset[str] = frozenset()
    names = [p.name for p in files]
    if split_path.is_file():
        raw = split_path.read_bytes()
        digest.update(split_path.name.encode() + b"\0" + raw + b"\0")
        names.append(split_path.name)
        split = json.loads(raw)
        dev = frozenset(split["dev"] if isinstance(split, dict) else split)
    examples.sort(key=lambda e: (e.source, e.id))
    return Corpus(tuple(examples), dev, "sha256:" + digest.hexdigest(), tuple(names))


def _read_example(line: str, where: str, themes: Sequence[str]) -> Example:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadOption(f"{where}: not JSON ({err.msg})") from err
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("themes"), list):
        raise BadOption(f"{where}: expected an object with a string 'text' and a list 'themes'")
    unknown = [t for t in obj["themes"] if t not in themes]
    if unknown:
        raise BadOption(f"{where}: unknown theme {unknown[0]!r}; known: {', '.join(themes)}")
    ident = str(obj.get("id", where))
    return Example(ident, obj["text"], tuple(sorted(set(obj["themes"]), key=themes.index)),
                   str(obj.get("source", ident)))


def read_analyst_themes(path: str | Path) -> list[AnalystTheme]:
    """Read ``[[theme]]`` tables (name, definition, seeds, examples) from a TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise BadOption(f"{path.name}: unreadable themes file: {err}") from err
    tables = data.get("theme")
    if not isinstance(tables, list) or not tables:
        raise BadOption(f"{path.name}: no [[theme]] table (name, definition, seeds, examples)")
    out = []
    for i, t in enumerate(tables, 1):
        where = f"{path.name}: theme {i}"
        name = t.get("name")
        if not isinstance(name, str) or not name.strip():
            raise BadOption(f"{where}: 'name' must be a non-empty string")
        if name in BUILTIN_THEMES or name in [o.name for o in out]:
            raise BadOption(f"{where}: theme {name!r} already exists; built-in: {', '.join(BUILTIN_THEMES)}")
        seeds = t.get("seeds", [])
        if not isinstance(seeds, list) or not all(isinstance(s, str) and s.strip() for s in seeds):
            raise BadOption(f"{where} ({name}): 'seeds' must be a list of phrases")
        examples = []
        for j, ex in enumerate(t.get("examples", []), 1):
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("label"), bool):
                raise BadOption(f"{where} ({name}), example {j}: expected {{text = \"...\", label = true/false}}")
            examples.append((ex["text"], ex["label"]))
        if not any(label for _, label in examples) and not seeds:
            raise BadOption(f"{where} ({name}): needs seed phrases or examples with label = true")
        out.append(AnalystTheme(name.strip(), str(t.get("definition", "")), tuple(s.strip() for s in seeds),
                                tuple(examples)))
    return out


def hash_file(path: str | Path) -> str:
    return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()


# real labelled passages (../shared/gold/real) ---------------------------------------------------


def find_shared_dir() -> Path | None:
    """The shared folder holding gold/real and corpora/real/SPLIT.tsv: $POLICY_NLP_SHARED, or ../shared."""
    here = Path(__file__).resolve().parents[2]
    candidates = [os.environ.get("POLICY_NLP_SHARED")] + [str(p / "shared") for p in (here.parent, here.parent.parent)]
    for c in candidates:
        if c and (Path(c) / "gold" / "real").is_dir() and (Path(c) / "corpora" / "real" / "SPLIT.tsv").is_file():
            return Path(c)
    return None


def resolve_real(real, corpus_dir) -> Path | None:
    """"auto": the shared real gold, but only when training the default corpus (tests train tiny ones)."""
    if real is None or real is False:
        return None
    if real == "auto":
        default = Path(__file__).resolve().parents[2] / "corpora" / "themes"
        return find_shared_dir() if Path(corpus_dir).resolve() == default else None
    return Path(real)


def read_real_passages(shared_dir: str | Path, *, split: str = "dev") -> list[Example]:
    """Passages of the real gold files in ``split`` (never test for training); source = the file's site."""
    shared_dir = Path(shared_dir)
    sites: dict[str, tuple[str, str]] = {}
    for line in (shared_dir / "corpora" / "real" / "SPLIT.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 2:
            sites[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else parts[0])
    out = []
    for path in sorted((shared_dir / "gold" / "real").glob("*.json")):
        s, site = sites.get(path.stem, ("", ""))
        if s != split:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for d, doc in enumerate(data.get("documents", [])):
            for i, p in enumerate(doc.get("passages", [])):
                themes = tuple(t for t in BUILTIN_THEMES if t in p.get("themes", []))
                out.append(Example(f"{path.stem}/{d}/{i}", p["text"], themes, f"site:{site}"))
    return out


def read_extra_passages(gold_dir: str | Path) -> list[Example]:
    """Passages of every gold file of another annotated folder of real pages (e.g. pages collected and
    annotated like the real corpus); each file counts as its own site, as such folders take one page a site."""
    gold_dir = Path(gold_dir)
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for d, doc in enumerate(data.get("documents", [])):
            for i, p in enumerate(doc.get("passages", [])):
                themes = tuple(t for t in BUILTIN_THEMES if t in p.get("themes", []))
                out.append(Example(f"{gold_dir.name}:{path.stem}/{d}/{i}", p["text"], themes,
                                   f"site:{gold_dir.name}/{path.stem}"))
    return out


def real_hash(real: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for e in real:
        digest.update(json.dumps([e.id, e.text, e.themes], ensure_ascii=False).encode() + b"\0")
    return "sha256:" + digest.hexdigest()
