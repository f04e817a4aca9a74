"""Live screens and the Posko's messages in view: what a refused or saved action says, required fields."""

STRINGS = {
    "live.posko.acting_on": {
        "id": "Yang tampil kini versi {version}; tombol di atas berlaku untuk versi ini.",
        "en": "Version {version} is shown now; the buttons above act on this version.",
    },
    "live.posko.refused_toast": {
        "id": "Laporan #{id} belum disimpan: sudah diubah orang lain. Lihat di bawah tombolnya.",
        "en": "Report #{id} was not saved: someone else changed it. See below its buttons.",
    },
    "live.posko.problem_toast": {
        "id": "Laporan #{id} belum disimpan. Lihat alasannya di bawah tombolnya.",
        "en": "Report #{id} was not saved. See why below its buttons.",
    },
    "live.form.required": {
        "id": "Isian bertanda * wajib diisi.",
        "en": "Fields marked * are required.",
    },
    "live.form.problems_toast": {
        "id": "Laporan belum disimpan: {n} isian perlu diperbaiki (lihat di bawah tombol Simpan).",
        "en": "The report was not saved: {n} field(s) to correct (see below the Save button).",
    },
    "live.form.error_toast": {
        "id": "Laporan belum disimpan; isian Anda tetap ada (lihat di bawah tombol Simpan).",
        "en": "The report was not saved; what you typed is kept (see below the Save button).",
    },
}
