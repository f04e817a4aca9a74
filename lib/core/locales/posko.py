"""Texts of the Posko: report fields, checks, workflow, attachments and the daily briefing."""

STRINGS: dict[str, dict[str, str]] = {
    # fields (form labels and the names used in messages)
    "posko.field.received_at": {"id": "Waktu diterima (WITA)", "en": "Received at (WITA, Bali time)"},
    "posko.field.reporter_id": {"id": "Lembaga pelapor", "en": "Reporting institution"},
    "posko.field.region_code": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "posko.field.subregion_code": {"id": "Kecamatan/desa", "en": "District/village"},
    "posko.field.lat": {"id": "Titik lokasi (lintang, bujur)", "en": "Location point (latitude, longitude)"},
    "posko.field.lon": {"id": "Bujur", "en": "Longitude"},
    "posko.field.category": {"id": "Kategori", "en": "Category"},
    "posko.field.severity": {"id": "Tingkat keparahan (1\u20135)", "en": "Severity (1\u20135)"},
    "posko.field.classification": {"id": "Klasifikasi", "en": "Classification"},
    "posko.field.title": {"id": "Judul singkat", "en": "Short title"},
    "posko.field.description": {"id": "Uraian", "en": "Description"},
    "posko.field.reliability": {"id": "Keandalan sumber (A\u2013F)", "en": "Source reliability (A\u2013F)"},
    "posko.field.credibility": {
        "id": "Kredibilitas informasi (1\u20136)",
        "en": "Information credibility (1\u20136)",
    },
    "posko.field.grading": {"id": "Penilaian", "en": "Grading"},
    "posko.field.status": {"id": "Status", "en": "Status"},
    "posko.field.reject_reason": {"id": "Alasan penolakan", "en": "Reason for rejection"},
    "posko.field.assigned_to": {"id": "Ditugaskan kepada", "en": "Assigned to"},
    "posko.field.attachment": {"id": "Lampiran (PNG, JPEG atau PDF)", "en": "Attachment (PNG, JPEG or PDF)"},
    # statuses
    "posko.status.baru": {"id": "Baru", "en": "New"},
    "posko.status.diverifikasi": {"id": "Diverifikasi", "en": "Verified"},
    "posko.status.ditindaklanjuti": {"id": "Ditindaklanjuti", "en": "Being acted on"},
    "posko.status.selesai": {"id": "Selesai", "en": "Closed"},
    "posko.status.ditolak": {"id": "Ditolak", "en": "Rejected"},
    # the usual source-reliability / information-credibility scale
    "posko.reliability.A": {
        "id": "A \u2013 Sepenuhnya dapat diandalkan",
        "en": "A \u2013 Completely reliable",
    },
    "posko.reliability.B": {"id": "B \u2013 Biasanya dapat diandalkan", "en": "B \u2013 Usually reliable"},
    "posko.reliability.C": {"id": "C \u2013 Cukup dapat diandalkan", "en": "C \u2013 Fairly reliable"},
    "posko.reliability.D": {
        "id": "D \u2013 Biasanya tidak dapat diandalkan",
        "en": "D \u2013 Not usually reliable",
    },
    "posko.reliability.E": {"id": "E \u2013 Tidak dapat diandalkan", "en": "E \u2013 Unreliable"},
    "posko.reliability.F": {
        "id": "F \u2013 Keandalan tidak dapat dinilai",
        "en": "F \u2013 Reliability cannot be judged",
    },
    "posko.credibility.1": {
        "id": "1 \u2013 Dikonfirmasi sumber lain",
        "en": "1 \u2013 Confirmed by other sources",
    },
    "posko.credibility.2": {"id": "2 \u2013 Kemungkinan besar benar", "en": "2 \u2013 Probably true"},
    "posko.credibility.3": {"id": "3 \u2013 Mungkin benar", "en": "3 \u2013 Possibly true"},
    "posko.credibility.4": {"id": "4 \u2013 Diragukan", "en": "4 \u2013 Doubtful"},
    "posko.credibility.5": {"id": "5 \u2013 Tidak mungkin benar", "en": "5 \u2013 Improbable"},
    "posko.credibility.6": {
        "id": "6 \u2013 Kebenaran tidak dapat dinilai",
        "en": "6 \u2013 Truth cannot be judged",
    },
    # form checks ({field} is a posko.field.* text)
    "posko.check.required": {"id": "{field} wajib diisi.", "en": "{field} is required."},
    "posko.check.too_long": {
        "id": "{field} terlalu panjang: {length} karakter, paling banyak {limit}.",
        "en": "{field} is too long: {length} characters, at most {limit}.",
    },
    "posko.check.not_allowed": {
        "id": "{field}: \u201c{value}\u201d bukan pilihan yang tersedia ({options}).",
        "en": "{field}: \u201c{value}\u201d is not one of the choices ({options}).",
    },
    "posko.check.bad_time": {
        "id": "{field}: \u201c{value}\u201d tidak terbaca sebagai tanggal dan jam.",
        "en": "{field}: \u201c{value}\u201d cannot be read as a date and time.",
    },
    "posko.check.future": {
        "id": "{field} ({value}) masih di masa depan.",
        "en": "{field} ({value}) is in the future.",
    },
    "posko.check.too_old": {
        "id": "{field} ({value}) lebih awal dari tahun 2000.",
        "en": "{field} ({value}) is before the year 2000.",
    },
    "posko.check.unknown_reporter": {
        "id": "{field}: \u201c{value}\u201d tidak ada dalam daftar lembaga.",
        "en": "{field}: \u201c{value}\u201d is not in the list of institutions.",
    },
    "posko.check.not_regency": {
        "id": "{field}: \u201c{value}\u201d bukan kabupaten/kota di Bali; pilih kabupaten/kota, "
        "lalu kecamatan/desa di kolom berikutnya.",
        "en": "{field}: \u201c{value}\u201d is not a regency/city of Bali; pick the regency/city, "
        "then the district/village in the next field.",
    },
    "posko.check.not_subregion": {
        "id": "{field}: \u201c{value}\u201d bukan kecamatan atau desa.",
        "en": "{field}: \u201c{value}\u201d is not a district or village.",
    },
    "posko.check.bad_number": {
        "id": "{field}: lintang dan bujur harus berupa angka, misalnya -8.1120 dan 114.9610.",
        "en": "{field}: latitude and longitude must be numbers, e.g. -8.1120 and 114.9610.",
    },
    "posko.check.point_pair": {
        "id": "{field}: isi lintang dan bujur keduanya, atau kosongkan keduanya.",
        "en": "{field}: fill in both latitude and longitude, or neither.",
    },
    "posko.check.point_outside": {
        "id": "{field}: titik ({lat}, {lon}) berada di luar Bali.",
        "en": "{field}: the point ({lat}, {lon}) lies outside Bali.",
    },
    "posko.check.above_ceiling": {
        "id": "{field}: Anda hanya dapat mencatat laporan sampai {ceiling}, bukan {value}.",
        "en": "{field}: you can file reports up to {ceiling} only, not {value}.",
    },
    "posko.check.too_many": {
        "id": "{field}: paling banyak {limit} lembaga.",
        "en": "{field}: at most {limit} institutions.",
    },
    # problems
    "posko.problem.form_fix": {
        "id": "Perbaiki {n} isian yang ditandai, lalu simpan lagi; isian lain tetap tersimpan di formulir.",
        "en": "Correct the {n} marked field(s), then save again; the rest of the form is kept.",
    },
    "posko.problem.stale": {
        "id": "Laporan #{id} sudah diubah oleh {who} pada {at} WITA (versi {version}); "
        "perubahan Anda belum disimpan.",
        "en": "Report #{id} was changed by {who} at {at} WITA (version {version}); "
        "your changes were not saved.",
    },
    "posko.problem.stale_fix": {
        "id": "Periksa versi terbaru yang ditampilkan, lalu terapkan lagi perubahan Anda dan simpan.",
        "en": "Check the latest version shown, then apply your changes again and save.",
    },
    "posko.problem.transition": {
        "id": "Status laporan #{id} tidak dapat diubah dari {old} menjadi {new}.",
        "en": "Report #{id} cannot go from {old} to {new}.",
    },
    "posko.problem.transition_fix": {
        "id": "Pilih salah satu status berikutnya: {options}.",
        "en": "Pick one of the next statuses: {options}.",
    },
    "posko.problem.reason_needed": {
        "id": "Laporan #{id} tidak dapat ditolak tanpa alasan.",
        "en": "Report #{id} cannot be rejected without a reason.",
    },
    "posko.problem.reason_fix": {
        "id": "Tulis alasan penolakan, lalu simpan lagi.",
        "en": "Write the reason for the rejection, then save again.",
    },
    "posko.problem.not_found": {
        "id": "Laporan #{id} tidak ditemukan atau tidak dapat Anda lihat.",
        "en": "Report #{id} was not found or is not visible to you.",
    },
    "posko.problem.not_found_fix": {
        "id": "Pilih laporan dari daftar, atau minta analis memeriksa klasifikasinya.",
        "en": "Pick a report from the list, or ask an analyst to check its classification.",
    },
    "posko.problem.store_down": {
        "id": "Basis data Sinergi tidak dapat dihubungi ({detail}); laporan BELUM disimpan.",
        "en": "The Sinergi database cannot be reached ({detail}); the report has NOT been saved.",
    },
    "posko.problem.store_down_fix": {
        "id": "Isian Anda tetap di formulir: tekan Simpan lagi sebentar lagi. Laporan tidak akan "
        "tersimpan dua kali.",
        "en": "What you typed is kept in the form: press Save again in a moment. The report will "
        "not be stored twice.",
    },
    # attachments
    "posko.attach.empty": {
        "id": "Berkas \u201c{name}\u201d kosong.",
        "en": "The file \u201c{name}\u201d is empty.",
    },
    "posko.attach.too_big": {
        "id": "Berkas \u201c{name}\u201d berukuran {size_mb} MB; batasnya {limit_mb} MB.",
        "en": "The file \u201c{name}\u201d is {size_mb} MB; the limit is {limit_mb} MB.",
    },
    "posko.attach.too_big_fix": {
        "id": "Perkecil foto atau pisahkan PDF-nya, lalu unggah lagi.",
        "en": "Make the photo smaller or split the PDF, then upload it again.",
    },
    "posko.attach.bad_type": {
        "id": "Berkas \u201c{name}\u201d bukan gambar PNG/JPEG atau PDF.",
        "en": "The file \u201c{name}\u201d is not a PNG/JPEG image or a PDF.",
    },
    "posko.attach.fix": {
        "id": "Unggah foto (PNG atau JPEG) atau dokumen PDF.",
        "en": "Upload a photo (PNG or JPEG) or a PDF document.",
    },
    # daily briefing
    "posko.briefing.summary_sheet": {"id": "Ringkasan", "en": "Summary"},
    "posko.briefing.reports_sheet": {"id": "Laporan", "en": "Reports"},
    "posko.briefing.total": {"id": "Jumlah", "en": "Total"},
    "posko.briefing.id": {"id": "No. laporan", "en": "Report no."},
    "posko.write.refused": {
        "id": "Laporan tidak disimpan: {fields} tidak sesuai aturan formulir Posko.",
        "en": "The report was not stored: {fields} break the Posko form's rules.",
    },
    "posko.write.refused_fix": {
        "id": "Periksa nilai itu (wilayah di Bali, panjang teks, waktu, tingkat keparahan) lalu simpan lagi.",
        "en": "Check those values (a region in Bali, text length, time, severity) and save again.",
    },
}
