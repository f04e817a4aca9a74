"""The folder's boundaries kept in the data folder between starts (lib/geo/cache.py)."""

import os
import shutil

import pytest
import shapely

import lib.geo.cache
from lib import store
from lib.geo.cache import CACHE, PREFIX, folder_boundaries

LIGHT = ("SOURCE.md", "bali_kabupaten.geojson", "bali_kecamatan.geojson", "bali_desa.geojson")


@pytest.fixture
def folder(shared_geo, tmp_path):
    """A copy of the shared files in a folder the test may touch (the shared one is read-only)."""
    copy = tmp_path / "geo"
    copy.mkdir()
    for name in LIGHT:
        shutil.copy2(shared_geo / name, copy / name)
    return copy


def counted(monkeypatch) -> list[int]:
    calls: list[int] = []
    read = lib.geo.cache.boundaries_from_folder
    monkeypatch.setattr(
        lib.geo.cache, "boundaries_from_folder", lambda *a, **k: calls.append(1) or read(*a, **k)
    )
    return calls


def kept_copies(data_dir):
    return sorted(p.name for p in (data_dir / CACHE / "boundaries").glob(f"{PREFIX}*.gpkg"))


def test_the_second_start_reads_the_kept_copy_and_gets_the_same_boundaries(
    folder, region_index, tmp_path, monkeypatch
):
    data_dir = tmp_path / "var"
    reads = counted(monkeypatch)
    first = folder_boundaries(folder, region_index, data_dir)
    assert len(reads) == 1
    assert len(kept_copies(data_dir)) == 1
    again = folder_boundaries(folder, region_index, data_dir)
    assert len(reads) == 1  # the files were not read again
    assert (again.source, again.licence, again.files, again.report) == (
        first.source,
        first.licence,
        first.files,
        first.report,
    )
    assert again.levels == first.levels == ["kabupaten", "kecamatan", "desa"]
    for level in first.levels:
        for copy in ("exact", "display"):
            mine, kept = getattr(first, copy)[level], getattr(again, copy)[level]
            assert list(kept["code"]) == list(mine["code"])
            assert list(kept["name"]) == list(mine["name"])
            assert list(kept["parent_code"]) == list(mine["parent_code"])
            assert kept["area_km2"].round(6).tolist() == mine["area_km2"].round(6).tolist()
            assert shapely.equals(kept.geometry.values, mine.geometry.values).all(), (level, copy)


def test_a_changed_file_is_read_again_and_the_old_copy_goes(folder, region_index, tmp_path, monkeypatch):
    data_dir = tmp_path / "var"
    reads = counted(monkeypatch)
    folder_boundaries(folder, region_index, data_dir)
    before = kept_copies(data_dir)
    kabupaten = folder / "bali_kabupaten.geojson"
    stat = kabupaten.stat()
    os.utime(kabupaten, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a newer file
    folder_boundaries(folder, region_index, data_dir)
    assert len(reads) == 2
    after = kept_copies(data_dir)
    assert len(after) == 1
    assert after != before


def test_a_damaged_copy_costs_only_time(folder, region_index, tmp_path, monkeypatch):
    data_dir = tmp_path / "var"
    folder_boundaries(folder, region_index, data_dir)
    (copy,) = kept_copies(data_dir)
    (data_dir / CACHE / "boundaries" / copy).write_bytes(b"not a geopackage")
    reads = counted(monkeypatch)
    found = folder_boundaries(folder, region_index, data_dir)
    assert len(reads) == 1
    assert len(found.exact["desa"]) == 716
    assert folder_boundaries(folder, region_index, data_dir).levels == found.levels  # kept anew
    assert len(reads) == 1


def test_a_data_folder_that_cannot_be_written_still_gives_the_boundaries(folder, region_index, tmp_path):
    blocked = tmp_path / "var"
    blocked.mkdir()
    (blocked / CACHE).write_text("a file where the cache folder would go")
    found = folder_boundaries(folder, region_index, blocked)
    assert len(found.exact["kabupaten"]) == 9


def test_backups_leave_the_cache_out():
    assert CACHE not in store.FILE_FOLDERS
