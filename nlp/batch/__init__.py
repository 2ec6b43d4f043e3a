"""Batch: walk folders, run the pipeline in worker processes, write one database (or Parquet with Dask)."""
from nlp.batch.run import (SUFFIXES, BatchProgress, Summary, default_jobs, find_inputs, format_summary,
                           process_one, run_batch)

__all__ = ["SUFFIXES", "BatchProgress", "Summary", "default_jobs", "find_inputs", "format_summary",
           "process_one", "run_batch"]
