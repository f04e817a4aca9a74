"""How an ACLED row was read, written into the event's severity basis in both languages."""

STRINGS: dict[str, dict[str, str]] = {
    "acled.note.type": {"id": "ACLED: {type} / {sub}", "en": "ACLED: {type} / {sub}"},
    "acled.note.fatal_many": {
        "id": "korban jiwa {n} (3 atau lebih: 5)",
        "en": "fatalities {n} (3 or more: 5)",
    },
    "acled.note.fatal_few": {"id": "korban jiwa {n} (1-2: 4)", "en": "fatalities {n} (1-2: 4)"},
    "acled.note.type_rule": {
        "id": "tanpa korban jiwa; aturan jenis kejadian: {severity}",
        "en": "no fatalities; type rule: {severity}",
    },
    "acled.note.week": {
        "id": "ACLED time_precision 2: tanggal pastinya dalam seminggu dari tanggal ini",
        "en": "ACLED time_precision 2: the exact date is within a week of this date",
    },
    "acled.note.no_time_precision": {
        "id": "berkas tanpa kolom time_precision: ketepatan tanggal tidak diketahui",
        "en": "the file has no time_precision column: how exact the date is is unknown",
    },
    "acled.note.seat": {
        "id": "kabupaten ditentukan dari ibu kota kabupaten terdekat (Badung dan Bangli tidak punya "
        "koordinat ibu kota): periksa tempatnya",
        "en": "regency set from the nearest regency seat (Badung and Bangli have no seat coordinates): "
        "check the place",
    },
    "acled.note.province": {
        "id": "ACLED geo_precision 3: hanya diketahui di tingkat provinsi, dicatat untuk Bali",
        "en": "ACLED geo_precision 3: known only at province level, counted for Bali",
    },
    "acled.note.no_admin2": {
        "id": "ACLED tanpa admin2: kabupaten tidak diketahui, dicatat untuk Bali",
        "en": "ACLED without admin2: the regency is unknown, counted for Bali",
    },
    "acled.note.disagree": {
        "id": "ACLED geo_precision 2: admin2 \u201c{admin2}\u201d dan titik di {point} tidak sepakat, "
        "dicatat untuk Bali",
        "en": "ACLED geo_precision 2: admin2 \u201c{admin2}\u201d and the point in {point} disagree, "
        "counted for Bali",
    },
    "datapage.acled.province": {
        "id": "{n} baris hanya diketahui di tingkat provinsi (geo_precision 3, tanpa admin2, atau admin2 "
        "dan titik tidak sepakat): dicatat untuk Bali, tidak untuk kabupaten mana pun. Baris: {rows}.",
        "en": "{n} rows are known only at province level (geo_precision 3, no admin2, or admin2 and the "
        "point disagree): counted for Bali, never for a regency. Rows: {rows}.",
    },
    "datapage.acled.missing": {
        "id": "Kolom yang tidak ada di berkas ini dibiarkan kosong: {columns}.",
        "en": "Columns this file lacks are left empty: {columns}.",
    },
    "datapage.acled.rule": {
        "id": "Aturan tempat: geo_precision 1 \u2192 kabupaten dari admin2, atau dari titik di batas "
        "wilayah, atau ibu kota terdekat (keyakinan rendah); geo_precision 2 \u2192 kabupaten hanya bila "
        "admin2 atau batas wilayah menunjukkannya (dan tidak bertentangan); geo_precision 3 atau tanpa "
        "admin2 \u2192 tingkat provinsi (Bali).",
        "en": "Place rule: geo_precision 1 \u2192 the regency from admin2, else from the point in the "
        "boundaries, else the nearest seat (low confidence); geo_precision 2 \u2192 a regency only when "
        "admin2 or the boundaries say so (and do not contradict each other); geo_precision 3 or no admin2 "
        "\u2192 province level (Bali).",
    },
}
