#!/usr/bin/env python3
"""Build the party-recogniser corpus: corpora/ner/{train,dev}.jsonl (see corpora/ner/README.md).

usage: python scripts/make_ner_data.py [--seed 13] [--docs 260] [--output corpora/ner]

Two sources:
- seed: sentences of the normalized seed texts (corpora/seeds) with the gold party names
  (corpora/gold) and a hand-checked list of other bodies/people (corpora/ner/seed_extra.json) tagged;
- written: pseudo-documents of sentences in the register of plans, summaries and notices
  (corpora/ner/templates.json), their slots filled with unit, role and person names built from
  parts (corpora/ner/name_parts.json).
Splits are by source document; dev documents use place, town and person names that no train
document uses, so dev measures unseen names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "ner"
DATA_FILES = ("seed_extra.json", "name_parts.json", "templates.json")
sys.path.insert(0, str(ROOT))

from nlp.extract.ner import MAX_SENTENCE, split_sentences  # noqa: E402


def _read(name: str) -> dict:
    data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    data.pop("_about", None)
    return data


SEEDS = _read("seed_extra.json")
PARTS = _read("name_parts.json")
TEMPLATES = _read("templates.json")

# --------------------------------------------------------------------------------------------
# Seed documents


def label_of(name: str) -> str:
    """ORG, ROLE or PER for a gold party name."""
    bare = re.sub(r"\s+", "", name)
    if bare.endswith(tuple(PARTS["role_endings"])) and not bare.endswith("领导小组"):
        return "ROLE"
    if 2 <= len(bare) <= 3 and bare[0] in PARTS["surnames"] and not re.search(r"[局院所室组办股科队会部委]$", bare):
        return "PER"
    return "ORG"


def seed_records() -> list[dict]:
    from nlp.normalize import normalize_text
    from nlp.read import read_file

    records = []
    for gold_path in sorted((ROOT / "corpora" / "gold").glob("*.json")):
        key = gold_path.name[:3]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = normalize_text(read_file(ROOT / "corpora" / "seeds" / (gold_path.stem + ".txt")).text).text
        names: dict[str, tuple[str, str | None]] = {}
        for doc in gold["documents"]:
            for m in doc["mentions"]:
                if m["type"] == "party":
                    names.setdefault(m["text"], (label_of(m["text"]), m["value"]["role"]))
        for label, extra in SEEDS["extra"].get(key, {}).items():
            for name in extra:
                names.setdefault(name, (label, None))
        split = "dev" if key in SEEDS["dev_seeds"] else "train"
        for s, e in split_sentences(text):
            sentence = text[s:e]
            entities = _tag_longest(sentence, names)
            if entities or len(sentence) >= 8:
                records.append({"source": f"seed/{gold_path.stem}", "split": split, "text": sentence,
                                "entities": entities})
    return records


def _tag_longest(sentence: str, names: dict[str, tuple[str, str | None]]) -> list[list]:
    taken = [False] * len(sentence)
    found = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), sentence):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                label, role = names[name]
                found.append([m.start(), m.end(), label, role])
    return sorted(found)


# --------------------------------------------------------------------------------------------
# Written sentences: names built from the parts of one split


class Namer:
    """Fills one slot kind with a name built from the parts of one split."""

    def __init__(self, split: str, rng: random.Random):
        self.p = PARTS["places"][split]
        self.given = list(PARTS["given"][split])
        surnames = PARTS["surnames"]
        self.surnames = list(surnames) if split == "train" else list(PARTS["surnames_dev"]) + list(surnames[:40])
        self.split = split
        self.rng = rng

    def place(self) -> str:
        c = self.rng.choice
        kind = c(["city", "city", "county", "county", "district", "district", "province"])
        return c(self.p[kind])

    def town(self) -> str:
        return self.rng.choice(self.p["town"])

    def org(self) -> str:
        c, r, P = self.rng.choice, self.rng.random(), PARTS
        if r < 0.22:
            name = self.place() + c(P["bureaus"])
        elif r < 0.40:
            name = self.place() + c(P["institutions"])
        elif r < 0.55:
            t = self.town()
            unit = c(P["town_units"])
            name = t + ("镇" if unit == "卫生院" and self.rng.random() < 0.5 else "") + unit
        elif r < 0.65:
            name = self.place() + c(["人民政府", "人民政府办公室", "政府办", "委员会", "委"])
        elif r < 0.80:
            name = c(P["short_orgs"])
        elif r < 0.92:
            name = self.place() + c(P["bureaus"] + P["institutions"]) + c(P["subunits"])
        else:
            name = c(["县", "市", "区", ""]) + c(P["institutions"])
        return name

    def sub(self) -> str:
        c, P = self.rng.choice, PARTS
        if self.rng.random() < 0.5:
            return c(P["bare_subunits"])
        return c(P["short_orgs"] + [self.place() + c(P["bureaus"])]) + c(P["subunits"])

    def group(self) -> str:
        c, r, P = self.rng.choice, self.rng.random(), PARTS
        scope = c(["", "", "市", "县", "区", "局", "全市卫生系统", "县卫生系统", "卫生系统", self.place(),
                   self.place() + "卫生系统", c(P["short_orgs"])])
        if r < 0.15:
            return c(P["small_groups"])
        return scope + c(P["topics"]) + c(["", "工作", "活动"]) + c(P["group_types"])

    def plural(self) -> str:
        return self.rng.choice(PARTS["plurals"])

    def superior(self) -> str:
        return self.rng.choice(PARTS["superiors"])

    def role(self) -> str:
        return self.rng.choice(PARTS["roles"])

    def crole(self) -> str:
        c, P = self.rng.choice, PARTS
        head = c([c(P["short_orgs"]), c(P["plurals"]), self.org(), "各单位", "卫生系统", "各级卫生行政部门"])
        return head + c(["主要负责人", "主要领导", "党政一把手", "局长", "院长", "负责同志", "党委书记", "分管领导",
                         "负责人", "领导班子成员"])

    def person(self) -> str:
        c = self.rng.choice
        name = c(self.surnames) + "".join(c(self.given) for _ in range(self.rng.choice([1, 2, 2])))
        if len(name) == 2 and self.rng.random() < 0.15:
            name = name[0] + c([" ", "  "]) + name[1]  # 王 军: names padded to three characters
        return name


# Slot syntax: {KIND} or {KIND:role}; a role makes the name a party (contract roles); no role
# means a body that is named but given nothing (a superior, an example of past work).
SLOT_LABEL = {"ORG": "ORG", "SUB": "ORG", "GROUP": "ORG", "PLURAL": "ORG", "SUPERIOR": "ORG",
              "ROLE": "ROLE", "CROLE": "ROLE", "PER": "PER"}
FILLERS = {"TOPIC": PARTS["topics"], "TASK": PARTS["tasks"], "DATE": PARTS["dates"], "DOC": PARTS["docnames"],
           "AWARD": PARTS["awards"], "HOLDER": PARTS["role_holders"], "N": PARTS["numbers"],
           "PHONE": PARTS["phones"]}


def _fill(template: str, namer: Namer, rng: random.Random) -> tuple[str, list[list]]:
    text, entities = "", []
    for piece in re.split(r"(\{[A-Z]+(?::[a-z]+)?\})", template):
        m = re.fullmatch(r"\{([A-Z]+)(?::([a-z]+))?\}", piece)
        if not m:
            text += unicodedata.normalize("NFKC", piece)
            continue
        kind, role = m.groups()
        if kind in FILLERS:
            text += rng.choice(FILLERS[kind])
            continue
        name = {"ORG": namer.org, "SUB": namer.sub, "GROUP": namer.group, "PLURAL": namer.plural,
                "SUPERIOR": namer.superior, "ROLE": namer.role, "CROLE": namer.crole,
                "PER": namer.person}[kind]()
        entities.append([len(text), len(text) + len(name), SLOT_LABEL[kind], role])
        text += name
    return text, entities


def written_records(n_docs: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    templates, dev_only = TEMPLATES["templates"], TEMPLATES["dev_only"]
    records = []
    for i in range(n_docs):
        split = "dev" if i % 5 == 4 else "train"
        namer = Namer(split, rng)
        genre = rng.choice(["plan", "plan", "notice", "summary"])
        pool = templates[genre] + templates["plain"]
        if split == "dev":
            pool = pool + dev_only.get(genre, []) * 3
        for template in rng.sample(pool, k=min(len(pool), rng.randint(5, 9))):
            text, entities = _fill(template, namer, rng)
            assert len(text) <= MAX_SENTENCE, text
            records.append({"source": f"written/{genre}-{i:03d}", "split": split, "text": text,
                            "entities": entities})
    return records


def to_bio(text: str, entities: list[list]) -> list[str]:
    """Character BIO tags for a record (spaces inside a name keep the name's I- tag)."""
    tags = ["O"] * len(text)
    for s, e, label, _role in entities:
        tags[s] = f"B-{label}"
        for k in range(s + 1, e):
            tags[k] = f"I-{label}"
    return tags


def source_hash() -> str:
    """SHA-256 of what the corpus is built from: seeds, their gold, this script and its data files."""
    digest = hashlib.sha256()
    for name in ("seeds", "gold"):
        for path in sorted((ROOT / "corpora" / name).iterdir()):
            digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    for name in DATA_FILES:
        digest.update((CORPUS / name).read_bytes())
    return digest.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--docs", type=int, default=260, help="number of written pseudo-documents")
    ap.add_argument("--output", type=Path, default=CORPUS, help="folder for train/dev.jsonl and meta.json")
    a = ap.parse_args()
    records = seed_records() + written_records(a.docs, a.seed)
    for r in records:
        for s, e, _label, _role in r["entities"]:
            assert 0 <= s < e <= len(r["text"]), r
        r["tags"] = to_bio(r["text"], r["entities"])
    stats = {}
    a.output.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        rows = [r for r in records if r["split"] == split]
        with open(a.output / f"{split}.jsonl", "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        stats[split] = {"sentences": len(rows), "documents": len({r["source"] for r in rows}),
                        "entities": sum(len(r["entities"]) for r in rows),
                        "seed_sentences": sum(r["source"].startswith("seed/") for r in rows)}
    meta = {"source_sha256": source_hash(), "seed": a.seed, "docs": a.docs, **stats}
    (a.output / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, ensure_ascii=False))


if __name__ == "__main__":
    main()
