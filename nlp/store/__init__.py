"""Storage stage: annotated Documents -> tables (SQLite, Parquet, CSV, XLSX, JSON lines).

``rows``   Document -> plain row tuples, one schema for every backend
``sqlite`` the embedded database: schema, per-file atomic writer, resume bookkeeping
``export`` database tables -> csv / xlsx / parquet / jsonl files
``query``  command-line filters -> named-parameter SQL, restated in words
``search`` full-text search over passages (FTS5, trigram tokenizer)
"""
