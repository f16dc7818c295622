"""Export the store as one file per table or record kind: CSV, JSON Lines or Parquet.

Every file loads with one pandas call (`pd.read_csv(p)`, `pd.read_json(p, lines=True)`,
`pd.read_parquet(p)`). Rows are streamed in chunks, so a large store does not need to fit in
memory; nested values (item fields, attributes) are written as JSON strings.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection, func, select

from ..kinds import KINDS, Kind
from .schema import documents, entities, mentions, merge_evidence, relations

FORMATS = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
CHUNK = 5000
_INT = ("id", "ordinal", "span_start", "span_end", "sentence", "entity_id", "subject_id", "object_id",
        "mention_id")


def _kind_query(kind: Kind):
    cols = [mentions.c.doc_id, documents.c.published, mentions.c.ordinal,
            *[mentions.c.fields[f].as_string().label(f) for f in kind.fields],
            mentions.c.span_start, mentions.c.span_end, mentions.c.sentence]
    query = select(*cols).join(documents, documents.c.doc_id == mentions.c.doc_id)
    if kind.entity:
        query = query.add_columns(mentions.c.entity_id, entities.c.name.label("entity_name")).outerjoin(
            entities, entities.c.id == mentions.c.entity_id)
    return query.add_columns(mentions.c.fields.label("item")).where(mentions.c.kind == kind.key).order_by(
        mentions.c.id)


def queries() -> dict:
    """File name -> the query whose rows it holds."""
    doc_cols = [c for c in documents.c if c.name not in ("id", "record")]
    out = {"documents": select(*doc_cols).order_by(documents.c.id)}
    for kind in KINDS:
        out[kind.key] = _kind_query(kind)
    out["mentions"] = select(*[c for c in mentions.c if c.name != "fields"]).order_by(mentions.c.id)
    out["entities"] = select(entities, select(func.count()).where(mentions.c.entity_id == entities.c.id)
                             .scalar_subquery().label("mention_count")).order_by(entities.c.id)
    out["merge_evidence"] = select(merge_evidence).order_by(merge_evidence.c.id)
    out["relations"] = select(relations).order_by(relations.c.id)
    return out


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame([tuple(r) for r in rows], columns=columns, dtype=object)
    for col in columns:
        if col in _INT:
            df[col] = pd.array(df[col], dtype="Int64")
        elif col in ("item", "attrs"):
            df[col] = [None if v is None else json.dumps(v, ensure_ascii=False) for v in df[col]]
        else:
            df[col] = [None if v is None else str(v) for v in df[col]]
    return df


def _arrow_schema(columns: list[str]) -> pa.Schema:
    return pa.schema([(c, pa.int64() if c in _INT else pa.string()) for c in columns])


def export_table(conn: Connection, query, path: Path, fmt: str) -> int:
    """Write one query's rows to `path`; return the number of rows."""
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
    columns, count, writer = list(result.keys()), 0, None
    with path.open("w", encoding="utf-8", newline="") if fmt != "parquet" else _null() as stream:
        for n, chunk in enumerate(_chunks(result)):
            df, count = _frame(chunk, columns), count + len(chunk)
            if fmt == "csv":
                df.to_csv(stream, header=n == 0, index=False)
            elif fmt == "jsonl":
                stream.write(df.to_json(orient="records", lines=True, force_ascii=False))
            else:
                table = pa.Table.from_pandas(df, schema=_arrow_schema(columns), preserve_index=False)
                writer = writer or pq.ParquetWriter(path, table.schema)
                writer.write_table(table)
        if count == 0 and fmt == "csv":
            stream.write(",".join(columns) + "\n")
    if fmt == "parquet":
        if writer is None:
            pq.write_table(_arrow_schema(columns).empty_table(), path)
        else:
            writer.close()
    return count


def _chunks(result):
    while True:
        rows = result.fetchmany(CHUNK)
        if not rows:
            return
        yield rows


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def export_all(conn: Connection, out_dir: Path, fmt: str) -> dict[str, tuple[Path, int]]:
    """Export every table and record kind into out_dir; return name -> (path, rows)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, query in queries().items():
        path = out_dir / f"{name}{FORMATS[fmt]}"
        written[name] = (path, export_table(conn, query, path, fmt))
    return written
