"""Build data/wilayah.csv, Bali's kecamatan and desa/kelurahan codes and names, from the boundary crosswalk.

python data/build_wilayah.py ../shared/data/geo/bali_desa_crosswalk.csv

The crosswalk (one row per desa/kelurahan: Kemendagri code and name, kecamatan, regency, BPS code
and name) is described in the SOURCE.md beside it. The BPS names of the kecamatan are not in the
crosswalk; they are read from ``bali_kecamatan.geojson`` beside it (``--kecamatan`` to say where),
and left empty when there is no such file. Only codes and names are written, no geometry. Run it
again after the crosswalk changes; the app reads only data/wilayah.csv.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lib.core.wilayah import WILAYAH_COLUMNS, title_case  # noqa: E402

TARGET = ROOT / "data" / "wilayah.csv"
KEMENDAGRI = "Kemendagri: cahyadsn/wilayah_boundaries@3c5a796 (Kepmendagri 300.2.2-2430/2025)"
BPS = "BPS: HDX COD-AB IDN (BPS 2020) via JfrAziz/indonesia-district"
SOURCE = f"{KEMENDAGRI}; {BPS}"


def kecamatan_bps_names(path: Path | None) -> dict[str, str]:
    """Return the BPS name of each kecamatan by Kemendagri code, from the kecamatan GeoJSON's properties."""
    if path is None or not path.is_file():
        return {}
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {str(f["properties"]["code"]): str(f["properties"]["bps_name"]) for f in features}


def build(crosswalk: pd.DataFrame, bps_names: dict[str, str]) -> pd.DataFrame:
    """Return the list: one row per kecamatan and per desa/kelurahan, sorted by code."""
    villages = pd.DataFrame(
        {
            "code": crosswalk["code"],
            "name": crosswalk["name"].map(title_case),
            "kind": crosswalk["kind"],
            "kecamatan_code": crosswalk["district_code"],
            "regency_code": crosswalk["regency_code"],
            "bps_code": crosswalk["bps_code"],
            "bps_name": crosswalk["bps_name"].map(title_case),
        }
    )
    first = crosswalk.drop_duplicates("district_code")
    districts = pd.DataFrame(
        {
            "code": first["district_code"],
            "name": first["district_name"].map(title_case),
            "kind": "kecamatan",
            "kecamatan_code": "",
            "regency_code": first["regency_code"],
            "bps_code": first["bps_district_code"],
            "bps_name": [title_case(bps_names.get(c, "")) for c in first["district_code"]],
        }
    )
    table = pd.concat([districts, villages], ignore_index=True)
    table["source"] = SOURCE
    table = table.sort_values("code", kind="stable").reset_index(drop=True)
    return table[list(WILAYAH_COLUMNS)]


def check(table: pd.DataFrame) -> None:
    """Stop when the list is not the 57 kecamatan and 716 desa/kelurahan, each code once."""
    counts = table["kind"].value_counts().to_dict()
    if counts.get("kecamatan") != 57 or counts.get("desa", 0) + counts.get("kelurahan", 0) != 716:
        raise SystemExit(f"expected 57 kecamatan and 716 desa/kelurahan, got {counts}")
    for column in ("code", "bps_code"):
        if table[column].duplicated().any():
            raise SystemExit(f"{column} repeats: {sorted(table.loc[table[column].duplicated(), column])[:5]}")


def main(argv: list[str] | None = None) -> None:
    """Read the crosswalk named on the command line and write data/wilayah.csv."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("crosswalk", type=Path, help="bali_desa_crosswalk.csv")
    parser.add_argument("--kecamatan", type=Path, default=None, help="bali_kecamatan.geojson (BPS names)")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    crosswalk = pd.read_csv(args.crosswalk, dtype=str, keep_default_na=False)
    geojson = args.kecamatan or args.crosswalk.with_name("bali_kecamatan.geojson")
    table = build(crosswalk, kecamatan_bps_names(geojson))
    check(table)
    table.to_csv(args.out, index=False)
    print(f"{args.out}: {len(table)} rows")


if __name__ == "__main__":
    main()
