"""Bulk import: read CSV/XLSX files, validate them into records, write them through graph/, generate test data.

Nothing here talks to the driver: references are resolved and rows written through graph/bulk.py
(`loaders.writer`, `loaders.load`). The reading and validating half needs no database:

- `loaders.readers.read_rows(path, kind)` streams raw rows keyed by canonical column keys;
- `loaders.readers.csv_lines(path, kind)`, for a CSV file of one row per line, cuts it into blocks of lines
  that worker processes read into the same rows;
- `loaders.validate.validate_row(row, kind, salt)` turns one row into a typed record or errors;
- `loaders.validate.validated_records(path, kind, salt)` streams checked rows, with in-file conflicts;
- `loaders.validate.validate_file(path, kind, salt)` streams a whole file into a `ValidationReport`;
- `loaders.generate.generate(people, seed, out_dir)` writes a realistic, reproducible city.

`loaders.load.load_file(db, path, kind, salt)` validates a whole file, then writes it in batches.

The kinds of file, their columns and accepted values are in `loaders.formats` and
`docs/import-formats.md`.
"""
