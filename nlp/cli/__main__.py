"""``python -m nlp.cli``: the same as the ``policy-nlp`` command."""

from nlp.cli import main

main()
