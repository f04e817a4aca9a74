"""Blank templates partners fill in: the headers, an example row and the accepted values of each kind."""

from __future__ import annotations

import pandas as pd

from lib.core.dates import ParsedDate, format_date
from lib.core.i18n import t
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS, CONFIDENCES, LEVELS, LINK_KINDS, TYPES
from lib.intake.schemas import DEFAULT_CLASSIFICATION, PHASES, STRENGTH_RANGE, header_label, schema_for


def template_columns(kind: str) -> tuple[str, ...]:
    """Return the fields a template for ``kind`` has, in order (computed fields left out)."""
    schema = schema_for(kind)
    skip = set(schema.derived) | ({"id"} if kind == "events" else set())
    return tuple(c for c in schema.columns if c not in skip)


def _example(kind: str, lang: str) -> dict[str, str]:
    """Return the template's example row by field: placeholders, not facts."""
    marker = t("import.example", lang)
    if kind == "events":
        return {
            "date": format_date(ParsedDate("2024-09-13", "day"), lang=lang, weekday=True),
            "region_code": "Gianyar",
            "location": "Desa ..." if lang == "id" else "Village ...",
            # The Gianyar regency reference point in data/regions.csv, as a format example.
            "lat": "-8.5441",
            "lon": "115.32546",
            "election_id": "pilkada-2024-bali",
            "election_label": "Pilkada 2024",
            "category": t("category.intimidation", lang),
            "severity": "2",
            "fatalities": "",
            "description": f"{marker}. "
            + (
                "Uraian singkat: apa, siapa, di mana." if lang == "id" else "Short account: what, who, where."
            ),
            "source_url": "https://example.org/berita",
            "source_title": "Judul berita atau laporan" if lang == "id" else "Title of the article or report",
            "confidence": "sedang" if lang == "id" else "medium",
            "severity_basis": "",
            "phase_reported": t("phase.pre", lang),
            "classification": DEFAULT_CLASSIFICATION,
        }
    if kind == "stakeholders":
        return {
            "id": "contoh-lembaga" if lang == "id" else "example-institution",
            "name": marker,
            "acronym": "",
            "type": "penyelenggara pemilu" if lang == "id" else "election_body",
            "level": "kabupaten" if lang == "id" else "regency",
            "region_code": "Gianyar",
            "role": "",
            "classification": DEFAULT_CLASSIFICATION,
            "source": "https://example.org/profil",
            "note": "",
        }
    return {
        "source_id": "contoh-a" if lang == "id" else "example-a",
        "target_id": "contoh-b" if lang == "id" else "example-b",
        "kind": "koordinasi" if lang == "id" else "coordination",
        "directed": "tidak" if lang == "id" else "no",
        "strength": "",
        "delay_hours": "",
        "channel": "WhatsApp",
        "assumption": "ya" if lang == "id" else "yes",
        "source_ref": "https://example.org/sk",
        "note": marker,
        "classification": DEFAULT_CLASSIFICATION,
    }


def template_frame(kind: str, lang: str = "id") -> pd.DataFrame:
    """Return an empty-to-fill table for ``kind``: the template's headers and one example row.

    The example row is marked "CONTOH — hapus baris ini"; :func:`validate_rows` refuses it
    if it is left in. Write it out with :func:`lib.excel.to_xlsx_bytes`.
    """
    example = _example(kind, lang)
    fields = template_columns(kind)
    return pd.DataFrame(
        {header_label(kind, f, lang): pd.array([example.get(f, "")], dtype="string") for f in fields}
    )


def choices_frame(kind: str, lang: str = "id") -> pd.DataFrame:
    """Return the values each choice column accepts, as a second sheet for the template."""
    lists: dict[str, list[str]]
    if kind == "events":
        lists = {
            "category": [t(f"category.{c}", lang) for c in CATEGORIES],
            "severity": [str(s) for s in range(1, 6)],
            "confidence": list(CONFIDENCES),
            "phase_reported": [t(f"phase.{p}", lang) for p in PHASES],
            "classification": list(CLASSIFICATIONS),
        }
    elif kind == "stakeholders":
        lists = {"type": list(TYPES), "level": list(LEVELS), "classification": list(CLASSIFICATIONS)}
    else:
        schema_for(kind)
        low, high = STRENGTH_RANGE
        lists = {
            "kind": list(LINK_KINDS),
            "directed": ["ya", "tidak"] if lang == "id" else ["yes", "no"],
            "strength": [str(s) for s in range(low, high + 1)],
            "assumption": ["ya", "tidak"] if lang == "id" else ["yes", "no"],
            "classification": list(CLASSIFICATIONS),
        }
    rows = [(header_label(kind, f, lang), v) for f, values in lists.items() for v in values]
    return pd.DataFrame(
        {
            t("import.problems.column", lang): pd.array([r[0] for r in rows], dtype="string"),
            t("import.choices.value", lang): pd.array([r[1] for r in rows], dtype="string"),
        }
    )
