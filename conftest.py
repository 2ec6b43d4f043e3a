"""Collection for ``pytest`` (which also runs the doctests of ``nlp/``, see pyproject.toml).

Modules that import an optional extra at their top are left out when the extra is missing, so
the suite passes on a plain ``pip install -e ".[dev]"``.
"""

from __future__ import annotations

from importlib.util import find_spec

collect_ignore = []
if find_spec("hanlp") is None:  # the hanlp extra: the tagger class subclasses a hanlp component
    collect_ignore.append("nlp/extract/ner_model.py")
if find_spec("datasette") is None:  # the web extra: the `serve` plugin registers Datasette hooks
    collect_ignore.append("nlp/view/datasette_plugin.py")
