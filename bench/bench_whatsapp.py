"""Time reading a WhatsApp chat export of 50,000 messages against only splitting its lines.

python bench/bench_whatsapp.py [n_messages] [--runs 5]

The exports are SYNTHETIC (seeded random senders, words, times; one message in ten has a second
line, one in twenty a photo line, one in a hundred is a WhatsApp notice) and exist only in
memory: they measure speed, they are not data. The floor is ``bytes.decode().splitlines()``
of the same file: what any reader of the file has to do at least.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import posko  # noqa: E402

SENDERS = ["Made", "Ketut", "Wayan", "Nyoman", "Putu Ayu", "+62 812-3456-7890", "Polres Buleleng"]
WORDS = [
    "ada",
    "kerumunan",
    "di",
    "TPS",
    "03",
    "Seririt",
    "sekitar",
    "orang",
    "mohon",
    "dicek",
    "sudah",
    "aman",
    "massa",
    "bubar",
    "siap",
    "lapor",
]


def synthetic_export(n: int, *, ios: bool, seed: int = 20241127) -> bytes:
    """Return an export of ``n`` made-up messages (Android Indonesian or iPhone English), for timing only."""
    rng = random.Random(seed)
    at = dt.datetime(2024, 11, 1, 7, 0, 0)
    lines: list[str] = []
    for i in range(n):
        at += dt.timedelta(seconds=rng.randint(5, 120))
        head = f"[{at:%d/%m/%y}, {at:%H:%M:%S}] " if ios else f"{at:%d/%m/%y} {at:%H.%M} - "
        sender = rng.choice(SENDERS)
        if i % 100 == 99:
            lines.append(
                head + (f"Posko: \u200e{sender} added Ketut" if ios else f"{sender} menambahkan Ketut")
            )
            continue
        if i % 20 == 0:
            name = f"IMG-{at:%Y%m%d}-WA{i:04d}.jpg"
            body = f"\u200e<attached: {name}>" if ios else f"{name} (file terlampir)"
        else:
            body = " ".join(rng.choices(WORDS, k=rng.randint(2, 14)))
        lines.append(f"{head}{sender}: {body}")
        if i % 10 == 5:
            lines.append(" ".join(rng.choices(WORDS, k=rng.randint(1, 8))))
    return ("\n".join(lines) + "\n").encode("utf-8")


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Return the median time of ``runs`` calls of ``action``, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print, for each export, the parse time, the line-split time and their ratio."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    if "--runs" in sys.argv:
        args = [a for a in args if a != str(runs)]
    n = int(args[0]) if args else 50_000
    print(f"WhatsApp export, {n:,} synthetic messages (median of {runs} runs, 2-core machine)")
    print(f"{'export':36} {'MB':>5} {'parse ms':>9} {'lines ms':>9} {'ratio':>6} {'messages':>9}")
    for label, ios in (("Android, Indonesian (.txt)", False), ("iPhone, English (.txt)", True)):
        data = synthetic_export(n, ios=ios)
        cases = [(label, data, lambda d=data: d.decode("utf-8").splitlines())]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("_chat.txt" if ios else "WhatsApp Chat with Posko.txt", data)
        zipped = buffer.getvalue()

        def unzip_lines(z: bytes = zipped) -> list[str]:
            with zipfile.ZipFile(io.BytesIO(z)) as archive:
                return archive.read(archive.infolist()[0]).decode("utf-8").splitlines()

        cases.append((label.replace(".txt", ".zip"), zipped, unzip_lines))
        for shown, upload, floor in cases:
            result = posko.read_chat_export(upload, "chat.zip" if upload is zipped else "chat.txt")
            parse = median_ms(lambda u=upload: posko.read_chat_export(u, "chat"), runs)
            lines = median_ms(floor, runs)
            size_mb = len(upload) / 1e6
            print(
                f"{shown:36} {size_mb:5.1f} {parse:9.1f} {lines:9.1f} {parse / lines:6.1f} "
                f"{len(result.messages):9,}"
            )


if __name__ == "__main__":
    main()
