"""What a batch run did: counts for this invocation and for the whole run, the files, the exit code."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .journal import describe


def file_info(path: Path) -> dict:
    """Name, size, line count and sha256, so two runs' outputs can be compared at a glance."""
    digest, lines, size = hashlib.sha256(), 0, 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            lines += block.count(b"\n")
            size += len(block)
    return {"path": path.name, "bytes": size, "lines": lines, "sha256": digest.hexdigest()}


@dataclass
class Summary:
    directory: str
    already_done: int  # inputs a previous, interrupted run had finished (skipped now)
    run: dict  # this invocation: processed, near_duplicates, exact_duplicates, failed
    totals: dict  # the whole run, including what earlier invocations did
    elapsed: float
    # The models the records were made with: one entry, or one per change of models (allowed
    # with --allow-mixed-models), each with the first input it made.
    models: list
    files: dict = field(default_factory=dict)
    already_stored: int = 0  # --db: documents the store already held

    @property
    def exit_code(self) -> int:
        """0 when every document of the run was processed, 1 when some failed."""
        return 1 if self.totals["failed"] or self.totals["store_failed"] else 0

    def manifest(self, config: dict) -> dict:
        # No timings here: the manifest of a finished run is the same however it got there.
        last = self.models[-1]
        return {"schema": "batch/1", "complete": True, "config": config, "counts": self.totals,
                "files": self.files, "extractor_version": last["extractor_version"],
                "models_hash": last["models_hash"], "models": self.models}

    def as_dict(self) -> dict:
        return asdict(self)

    def format(self) -> str:
        run, tot = self.run, self.totals
        done = sum(v for k, v in run.items() if k != "store_failed")  # those are counted once already
        lines = [
            f"batch: {done} documents in {self.elapsed:.1f} s ({done / max(self.elapsed, 1e-9):.1f} docs/s)",
            f"  processed            {run['processed']}",
            f"  near-duplicates      {run['near_duplicates']}  (kept, flagged with duplicate_of)",
            f"  exact duplicates     {run['exact_duplicates']}  (skipped: same doc_id)",
            f"  already done         {self.already_done}  (finished by an earlier run)",
            f"  failed               {run['failed']}",
        ]
        if self.already_stored:
            lines.append(f"  already in store     {self.already_stored}")
        if run["store_failed"]:
            lines.append(f"  not stored           {run['store_failed']}  (extracted, but the store refused them)")
        if self.already_done:
            lines.append("  whole run: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in tot.items()))
        lines.append("  made with models     " + "; ".join(
            f"{describe(m)} from input {m['from_input']}" if len(self.models) > 1 else describe(m)
            for m in self.models))
        lines.append(f"  output: {self.directory}/ " + " ".join(info["path"] for info in self.files.values()))
        if tot["failed"] or tot["store_failed"]:
            lines.append(f"  {tot['failed'] + tot['store_failed']} failed: reasons in {self.directory}/errors.jsonl")
        return "\n".join(lines)
