"""Strings shared by the whole app: navigation, sidebar, regions, store, view state."""

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"id": "Sinergi", "en": "Sinergi"},
    "app.tagline": {
        "id": "Sinergitas pengamanan Pilkada di Bali",
        "en": "Coordinated election security in Bali",
    },
    "lang.label": {"id": "Bahasa", "en": "Language"},
    "regions.unknown": {
        "id": "Wilayah \u201c{text}\u201d tidak dikenal.",
        "en": "The region \u201c{text}\u201d is not known.",
    },
    "regions.did_you_mean": {
        "id": "Mungkin maksud Anda: {options}. Tulis nama atau kode Kemendagri (mis. 51.08).",
        "en": "Did you mean: {options}? Write the name or the Kemendagri code (e.g. 51.08).",
    },
    "regions.no_suggestion": {
        "id": "Tulis nama kabupaten/kota atau kode Kemendagri (mis. Buleleng atau 51.08).",
        "en": "Write the regency/city name or the Kemendagri code (e.g. Buleleng or 51.08).",
    },
    "regions.ambiguous": {
        "id": "\u201c{text}\u201d bisa berarti beberapa wilayah: {options}.",
        "en": "\u201c{text}\u201d can mean several regions: {options}.",
    },
    "regions.ambiguous_fix": {
        "id": "Tulis kode Kemendagri wilayah yang dimaksud.",
        "en": "Write the Kemendagri code of the region you mean.",
    },
}

STRINGS.update(
    {
        "view.bad_param": {
            "id": "Parameter tautan \u201c{key}\u201d berisi \u201c{value}\u201d yang tidak dikenal; "
            "nilai bawaan dipakai.",
            "en": "The link parameter \u201c{key}\u201d holds \u201c{value}\u201d, which is not known; "
            "the default is used.",
        },
        "view.unknown_param": {
            "id": "Parameter tautan \u201c{key}\u201d tidak dikenal dan diabaikan.",
            "en": "The link parameter \u201c{key}\u201d is not known and was ignored.",
        },
    }
)
STRINGS["view.dismiss"] = {"id": "Tutup pemberitahuan", "en": "Dismiss"}
