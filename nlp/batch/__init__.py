"""Batch: walk folders, run the pipeline in worker processes, write one database (or Parquet with Dask).

``discover`` paths -> files   ``run`` workers, spooling, the single writer   ``limits`` per-file limits
``progress`` summary, stage sampling, progress bar   ``engine_dask`` the same on a Dask cluster
``common`` what both engines share: one file under its limits, the plan, moved/deleted files, clean stops
``parts`` the Dask output folder: Parquet parts written, tidied, read back
"""
from nlp.batch.common import BatchInterrupted, process_one
from nlp.batch.discover import SUFFIXES, find_inputs
from nlp.batch.progress import BatchProgress, Summary, format_summary
from nlp.batch.run import default_jobs, run_batch

__all__ = ["SUFFIXES", "BatchInterrupted", "BatchProgress", "Summary", "default_jobs", "find_inputs", "format_summary",
           "process_one", "run_batch"]
