"""A generated archive of customer-service replies, for `netiquette archive`.

Usage: python benchmarks/make_archive.py N OUT [--format jsonl|csv|parquet] [--seed S]

Writes N replies to OUT (the format from --format, else OUT's suffix), the same for the
same N and seed. Each record: ``id``, ``agent`` (one of 60), ``channel`` (email, chat,
social, phone), ``created_at`` (ISO 8601, UTC, over six months of 2026), ``lang`` (en or
tr) and ``text``. The texts are drawn from the bundled example replies, the labelled
evaluation replies of data/eval (clean ones and rude, profane, jargon-laden and
template-copy ones, in English and Turkish) and, when ../shared/data is there, its
support replies (read in place), then varied: the greeting's name, order numbers, a
template's {{slots}} filled in (nine times in ten), a sentence added or dropped.
Written as it is made: memory stays flat for any N.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples" / "replies"
EVAL = ROOT / "data" / "eval"
SHARED = ROOT.parent / "shared" / "data" / "agent-replies"
CHANNELS = ("email", "chat", "social", "phone")
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
SECONDS = 182 * 24 * 3600
NAMES = {
    "en": ("Sam", "Alex", "Priya", "Jordan", "Maria", "Chen", "Fatima", "Tom", "Olivia"),
    "tr": ("Selin Hanım", "Mehmet Bey", "Ayşe Hanım", "Can Bey", "Zeynep Hanım", "Emre Bey"),
}
EXTRA = {
    "en": (
        "Let me know if there is anything else I can do.",
        "Thanks for your patience while we looked into this.",
        "Pls revert asap with the ticket no.",
        "FYI the SLA for this queue is 48h.",
        "Obviously you should have checked the FAQ first.",
        "I'm not going to repeat myself.",
        "This is a damn mess, sorry.",
    ),
    "tr": (
        "Başka bir konuda yardımcı olabilirsem lütfen yazın.",
        "Sabrınız için teşekkür ederiz.",
        "Ticket'ınızı escalate ettim, asap dönüş yapacağız.",
        "Daha önce de söylediğim gibi, bu bizim sorunumuz değil.",
        "Bunu size kaç kere anlatacağım?",
    ),
}
_NUMBER = re.compile(r"\b\d{5,}\b")
#: The {{Placeholder}} of a template reply (the shared bitext replies have them).
_SLOT = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")


def sources() -> list[tuple[str, str]]:
    """(language, text) of every reply the archive draws from."""
    pool: list[tuple[str, str]] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        lang = "tr" if "-tr-" in path.name else "en"
        pool.append((lang, path.read_text(encoding="utf-8").strip()))
    for lang in ("en", "tr"):
        file = EVAL / f"{lang}.yaml"
        if file.exists():
            for case in yaml.safe_load(file.read_text(encoding="utf-8")):
                pool.append((lang, str(case["text"]).strip()))
    for name in ("bitext-support-en.jsonl", "abcd-agent-turns.jsonl"):
        file = SHARED / name
        if file.exists():
            with file.open(encoding="utf-8") as handle:
                pool.extend(("en", json.loads(line)["text"].strip()) for line in handle)
    return [(lang, text) for lang, text in pool if text]


def vary(rng: random.Random, lang: str, text: str) -> str:
    """``text`` with a different name, order numbers, maybe a sentence more or less."""
    name = rng.choice(NAMES[lang])
    text = re.sub(r"^(Hi|Hello|Dear|Merhaba|Sayın) [^,\n]+,", rf"\1 {name},", text)
    text = _NUMBER.sub(lambda _: str(rng.randrange(10_000_000, 99_999_999)), text)
    if rng.random() < 0.9:  # most agents fill the template in (with its slot's words)
        text = _SLOT.sub(r"\1", text)
    roll = rng.random()
    if roll < 0.25:
        text = f"{text}\n\n{rng.choice(EXTRA[lang])}"
    elif roll < 0.35 and ". " in text:
        text = text[: text.rindex(". ") + 1]
    return text


def records(count: int, seed: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    pool = sources()
    agents = [f"agent-{i:03d}" for i in range(60)]
    for number in range(count):
        lang, text = rng.choice(pool)
        yield {
            "id": f"r{number:07d}",
            "agent": rng.choice(agents),
            "channel": rng.choice(CHANNELS),
            "created_at": START + timedelta(seconds=rng.randrange(SECONDS)),
            "lang": lang,
            "text": vary(rng, lang, text),
        }


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write(count: int, out: Path, fmt: str, seed: int) -> None:
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as handle:
            for record in records(count, seed):
                record["created_at"] = _iso(record["created_at"])
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer: Any = None
            for record in records(count, seed):
                record["created_at"] = _iso(record["created_at"])
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(record))
                    writer.writeheader()
                writer.writerow(record)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema(
            [
                ("id", pa.string()),
                ("agent", pa.string()),
                ("channel", pa.string()),
                ("created_at", pa.timestamp("us", tz="UTC")),
                ("lang", pa.string()),
                ("text", pa.string()),
            ]
        )
        with pq.ParquetWriter(out, schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for record in records(count, seed):
                batch.append(record)
                if len(batch) == 10_000:
                    writer.write_table(pa.Table.from_pylist(batch, schema))
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.add_argument("--format", choices=("jsonl", "csv", "parquet"))
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    fmt = args.format or {".csv": "csv", ".parquet": "parquet"}.get(args.out.suffix, "jsonl")
    write(args.count, args.out, fmt, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
