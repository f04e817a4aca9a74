"""What a conflict event is: its columns and allowed values, shared by loading, import and history."""

from __future__ import annotations

EVENT_COLUMNS: tuple[str, ...] = (
    "id",  # unique: bundled "bali-001", import "imp-<hash>", ACLED "acled-<event_id_cnty>", Posko "posko-<n>"
    "date",  # text: "YYYY-MM-DD", "YYYY-MM" or "YYYY", matching date_precision
    "date_precision",  # day | month | year
    "region_code",  # Kemendagri code: "51" (province-wide) or a regency "51.01".."51.71" (or finer)
    "location",  # free text, may be empty
    "lat",  # float or empty (unknown)
    "lon",  # float or empty (unknown)
    "election_id",  # id in data/elections.csv or empty
    "election_label",  # the election as the source names it, may be empty
    "category",  # one of CATEGORIES
    "severity",  # integer 1..5 (scale in data/SOURCES.md)
    "fatalities",  # integer >= 0 or empty (unknown)
    "description",  # text, required
    "source_url",  # http(s) URL, required for bundled and imported rows
    "source_title",  # text
    "confidence",  # high | medium | low
    "severity_basis",  # text, may be empty
    "phase_reported",  # pre | during | post | n/a | empty: the phase the source gives
    "classification",  # TERBUKA | TERBATAS | RAHASIA
    "origin",  # bundled | import:<file name> | acled | posko
)
REQUIRED_EVENT_COLUMNS: tuple[str, ...] = ("date", "region_code", "category", "severity", "description")

CATEGORIES: tuple[str, ...] = (
    "riot",
    "clash",
    "violence",
    "intimidation",
    "money_politics",
    "asn_neutrality",
    "hoax",
    "logistics",
    "dispute",
    "other",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
CLASSIFICATIONS: tuple[str, ...] = ("TERBUKA", "TERBATAS", "RAHASIA")
SEVERITIES: tuple[int, ...] = (1, 2, 3, 4, 5)

# The coordination network's vocabulary (lib.network.institutions), here so that the checks of
# files read at every start need not import the network package (networkx, lxml).
TYPES: tuple[str, ...] = (
    "government",
    "police",
    "military",
    "election_body",
    "prosecution",
    "intelligence",
    "customary",
    "religious",
    "forum",
    "posko",
    "civil_society",
    "party",
    "media",
    "national",
)
LEVELS: tuple[str, ...] = ("national", "province", "regency", "district", "village")
LINK_KINDS: tuple[str, ...] = ("command", "coordination", "information", "membership")
