"""policy-nlp: Chinese policy documents into structured data.

Stages (one module each): read -> normalize -> split -> outline -> extract -> themes,
assembled by ``nlp.pipeline``. Importing this package does no work.
"""

__version__ = "0.1.0"
# Bumped whenever a stage changes its output, so batch re-processes files done by an older pipeline.
PIPELINE_VERSION = "2"  # bumped when the output changes: batch redoes files of an older version
