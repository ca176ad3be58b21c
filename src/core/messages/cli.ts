/** Strings of the cli area (the `pokin` command and the ExcelJS host). Same keys in id and en. */
export const cli = {
  id: {
    "cli.input.missing": "{file}: berkas tidak ditemukan.",
    "cli.input.directory": "{file}: ini sebuah folder, bukan berkas .xlsx.",
    "cli.input.empty": "{file}: berkas kosong (0 bita), bukan buku kerja .xlsx.",
    "cli.input.xls":
      "{file}: berkas Excel lama (.xls) atau berkas terenkripsi, bukan .xlsx; buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).",
    "cli.input.notZip":
      "{file}: bukan berkas .xlsx (isinya teks, CSV, atau format lain); buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).",
    "cli.input.corrupt": "{file}: berkas .xlsx rusak dan tidak dapat dibaca ({detail}).",
    "cli.input.unreadable": "{file}: berkas tidak dapat dibuka ({detail}).",
    "cli.input.noXlsxInFolder": "{file}: folder ini tidak berisi berkas .xlsx.",
    "cli.input.partTooLarge":
      "{file}: bagian {part} mengembang melebihi {limit} MB; berkas tidak dibaca (bom zip, atau lembar berisi jutaan baris kosong: hapus baris kosong itu lalu simpan ulang).",
    "cli.input.totalTooLarge":
      "{file}: isi berkas mengembang melebihi {limit} MB (sampai bagian {part}); berkas tidak dibaca.",
    "cli.input.sizeMismatch":
      "{file}: bagian {part} tidak mengembang ke ukuran yang tercatat di dalam zip; berkas rusak atau dimanipulasi dan tidak dibaca.",
    "cli.input.sameAsOutput":
      "{file}: berkas hasil (-o) tidak boleh sama dengan berkas masukan; berkas masukan tidak pernah diubah.",
    "cli.input.settings": "{file}: berkas pengaturan tidak dapat dibaca ({detail}).",
    "cli.peta.unreadable": "{file}: peta kolom tidak dapat dibaca ({detail}).",
    "cli.peta.invalid":
      '{file}: bukan peta kolom yang dikenal (di {at}); setiap peta memuat "sheet", "headerRow" dan "columns" dengan "column", "header" dan "role".',
    "cli.output.unwritable": "{file}: berkas hasil tidak dapat ditulis ({detail}).",
    "cli.output.directory":
      "{file}: ini sebuah folder. Tulis nama berkas hasil setelah -o, misalnya {file}/hasil.xlsx.",
    "cli.output.notFile":
      "{file}: ini bukan berkas biasa (perangkat, pipa atau tautan rusak); hasil tidak ditulis ke sana. Pilih nama berkas .xlsx.",
    "cli.output.readOnly":
      "{file}: berkas ini hanya-baca, jadi tidak ditimpa. Pilih nama lain atau hilangkan tanda hanya-bacanya.",
    "cli.output.noFolder":
      "{file}: folder {folder} tidak ada. Buat dulu folder itu atau pilih folder yang sudah ada; pokin tidak membuat folder.",
    "cli.output.why.permission": "tidak ada izin menulis di folder {folder}",
    "cli.output.why.full": "disk penuh",
    "cli.output.why.readOnlyDisk": "disk atau folder itu hanya-baca",
    "cli.output.why.other": "galat sistem {code}",
    "cli.apply.userSheet":
      'Lembar "{sheet}" sudah ada dan bukan buatan add-in ({kind}); lembar itu tidak ditimpa.',
    "cli.apply.missingSheet": 'Lembar "{sheet}" yang akan diperbarui tidak ada.',
    "cli.apply.refused": "{file}: {reason} Berkas hasil tidak ditulis.",
    "cli.apply.protected":
      'Lembar "{sheet}" diproteksi; buka proteksinya lalu coba lagi. Tidak ada yang ditulis.',
    "cli.apply.expectMismatch":
      "Sel {cell} berubah sejak dibaca (diharapkan {expected}, sekarang {actual}); tidak ada yang ditulis.",
    "cli.usage.unknownCommand": "Perintah tidak dikenal: {command}",
    "cli.usage.unknownOption": "Opsi tidak dikenal: {option}",
    "cli.usage.missingValue": "Opsi {option} memerlukan nilai.",
    "cli.usage.missingFile": "Perintah {command} memerlukan berkas .xlsx.",
    "cli.usage.tooManyFiles": "Perintah {command} menerima satu berkas saja.",
    "cli.usage.missingOutput": "Perintah {command} memerlukan -o BERKAS_HASIL.xlsx.",
    "cli.usage.badLang": "Bahasa tidak dikenal: {lang} (pilih id atau en).",
    "cli.usage.hint": "Lihat `pokin --help`.",
    "cli.help":
      "pokin — Pohon Kinerja CSF dari baris perintah (tanpa Excel)\n" +
      "\n" +
      "Pemakaian:\n" +
      "  pokin info BERKAS.xlsx                      nama lembar dan ukuran yang terpakai\n" +
      "  pokin periksa BERKAS|FOLDER... [--json] [--laporan LAPORAN.xlsx] [--tulis-peta]\n" +
      "                                              periksa kertas kerja; folder: semua .xlsx di dalamnya\n" +
      "  pokin hitung BERKAS.xlsx -o HASIL.xlsx      isi capaian (%) sebagai rumus\n" +
      "  pokin pohon BERKAS.xlsx -o HASIL.xlsx       gambar pohon kinerja\n" +
      "  pokin kertas-kerja BERKAS.xlsx -o HASIL.xlsx  susun dokumen kertas kerja\n" +
      "  pokin proses BERKAS.xlsx -o HASIL.xlsx      semuanya: capaian, pohon, kertas kerja, Hasil Pemeriksaan\n" +
      "  pokin perbaiki BERKAS.xlsx -o HASIL.xlsx [--aturan ATURAN,...] [--coba]\n" +
      "                                              perbaiki temuan yang pasti perbaikannya (kode, angka, kalimat indikator)\n" +
      "\n" +
      "Opsi:\n" +
      "  -o, --output BERKAS    berkas hasil (.xlsx) di folder yang sudah ada; berkas masukan tidak pernah diubah\n" +
      "  --settings BERKAS.json pengaturan (pita capaian, kertas, penandatangan, ...)\n" +
      "  --ganti-capaian        ganti capaian yang diketik manual dengan rumus\n" +
      "  --bersih               (pohon, proses) pohon tanpa tanda pemeriksaan (garis merah, ⚠ n), untuk dipresentasikan\n" +
      "  --json                 (periksa) keluaran JSON\n" +
      "  --laporan BERKAS.xlsx  (periksa) tulis buku kerja ringkasan\n" +
      "  --peta BERKAS.json     baca tabel dengan peta kolom ini (peran setiap kolom, per lembar dan baris judul)\n" +
      "  --tulis-peta           (periksa) cetak peta kolom yang dipakai (JSON), dengan tebakan untuk tabel\n" +
      '                         yang tidak dikenali di "unplaced": sunting, pindahkan ke "mappings", pakai dengan --peta\n' +
      "  --aturan A,B           (perbaiki) hanya aturan ini; name-mismatch memakai nama di tabel CSF,\n" +
      "                         polarity-assumed menulis naik\n" +
      "  --coba                 (perbaiki) tampilkan perbaikannya tanpa menulis berkas\n" +
      "  --lang id|en           bahasa pesan (bawaan: id; LANG=en* memilih en)\n" +
      "  -h, --help             bantuan ini\n" +
      "  -v, --version          versi\n" +
      "\n" +
      "Banyak berkas (periksa): setiap berkas diperiksa sendiri; berkas yang tidak dapat dibaca (rusak,\n" +
      "terlalu besar) mendapat satu baris beserta alasannya, juga { file, error } di --json dan satu baris\n" +
      "di ringkasan --laporan, dan berkas lain tetap diperiksa.\n" +
      "\n" +
      "Status keluar: 0 tanpa kesalahan, 1 ada temuan tingkat kesalahan, 2 ada masukan yang tidak dapat\n" +
      "dibaca atau pemakaian salah (didahulukan atas 1), 3 galat program (mohon laporkan).",
    "cli.info.header": "{file}: {count} lembar",
    "cli.info.sheet": "  {name}: {rows} baris × {cols} kolom ({range}){protected}",
    "cli.info.empty": "  {name}: kosong{protected}",
    "cli.info.protected": ", diproteksi",
    "cli.summary.file":
      "{file}: {conditions} kondisi, {indicators} indikator; {errors} kesalahan, {warnings} peringatan, {infos} info",
    "cli.summary.none": "Tidak ada temuan.",
    "cli.finding": "  [{severity}] {cell} {rule}: {message}",
    "cli.written": "Hasil ditulis ke {out}",
    "cli.laporanWritten": "Laporan ditulis ke {out}",
    "cli.bug":
      "Terjadi galat program: {detail}. Mohon laporkan (jalankan ulang dengan POKIN_DEBUG=1 untuk rinciannya).",
  },
  en: {
    "cli.input.missing": "{file}: file not found.",
    "cli.input.directory": "{file}: this is a folder, not an .xlsx file.",
    "cli.input.empty": "{file}: the file is empty (0 bytes), not an .xlsx workbook.",
    "cli.input.xls":
      "{file}: an old Excel file (.xls) or an encrypted file, not .xlsx; open it in Excel and save it as Excel Workbook (.xlsx).",
    "cli.input.notZip":
      "{file}: not an .xlsx file (it holds text, CSV or another format); open it in Excel and save it as Excel Workbook (.xlsx).",
    "cli.input.corrupt": "{file}: the .xlsx file is corrupt and cannot be read ({detail}).",
    "cli.input.unreadable": "{file}: the file cannot be opened ({detail}).",
    "cli.input.noXlsxInFolder": "{file}: this folder holds no .xlsx file.",
    "cli.input.partTooLarge":
      "{file}: part {part} inflates past {limit} MB; the file is not read (a zip bomb, or a sheet of millions of empty rows: delete those rows and save again).",
    "cli.input.totalTooLarge":
      "{file}: the file's contents inflate past {limit} MB (at part {part}); the file is not read.",
    "cli.input.sizeMismatch":
      "{file}: part {part} does not inflate to the size the zip declares; the file is corrupt or tampered with and is not read.",
    "cli.input.sameAsOutput":
      "{file}: the output file (-o) must not be the input file; the input is never modified.",
    "cli.input.settings": "{file}: the settings file cannot be read ({detail}).",
    "cli.peta.unreadable": "{file}: the column mapping file cannot be read ({detail}).",
    "cli.peta.invalid":
      '{file}: not a column mapping (at {at}); each mapping has "sheet", "headerRow" and "columns" with "column", "header" and "role".',
    "cli.output.unwritable": "{file}: the output file cannot be written ({detail}).",
    "cli.output.directory":
      "{file}: this is a folder. Give the output file's name after -o, for example {file}/hasil.xlsx.",
    "cli.output.notFile":
      "{file}: this is not a regular file (a device, a pipe or a broken link); nothing is written there. Choose an .xlsx file name.",
    "cli.output.readOnly":
      "{file}: this file is read-only, so it is not replaced. Choose another name or make it writable.",
    "cli.output.noFolder":
      "{file}: the folder {folder} does not exist. Create it first or choose an existing folder; pokin does not create folders.",
    "cli.output.why.permission": "no permission to write in the folder {folder}",
    "cli.output.why.full": "the disk is full",
    "cli.output.why.readOnlyDisk": "that disk or folder is read-only",
    "cli.output.why.other": "system error {code}",
    "cli.apply.userSheet":
      'Sheet "{sheet}" already exists and was not made by the add-in ({kind}); it is not overwritten.',
    "cli.apply.missingSheet": 'Sheet "{sheet}" to be updated does not exist.',
    "cli.apply.refused": "{file}: {reason} No output was written.",
    "cli.apply.protected":
      'Sheet "{sheet}" is protected; unprotect it and try again. Nothing was written.',
    "cli.apply.expectMismatch":
      "Cell {cell} changed since it was read (expected {expected}, now {actual}); nothing was written.",
    "cli.usage.unknownCommand": "Unknown command: {command}",
    "cli.usage.unknownOption": "Unknown option: {option}",
    "cli.usage.missingValue": "Option {option} needs a value.",
    "cli.usage.missingFile": "Command {command} needs an .xlsx file.",
    "cli.usage.tooManyFiles": "Command {command} takes one file only.",
    "cli.usage.missingOutput": "Command {command} needs -o OUTPUT.xlsx.",
    "cli.usage.badLang": "Unknown language: {lang} (choose id or en).",
    "cli.usage.hint": "See `pokin --help`.",
    "cli.help":
      "pokin — Pohon Kinerja CSF from the command line (no Excel needed)\n" +
      "\n" +
      "Usage:\n" +
      "  pokin info FILE.xlsx                        sheet names and used sizes\n" +
      "  pokin periksa FILE|FOLDER... [--json] [--laporan REPORT.xlsx] [--tulis-peta]\n" +
      "                                              check kertas kerja; a folder: every .xlsx inside\n" +
      "  pokin hitung FILE.xlsx -o OUT.xlsx          fill capaian (%) as formulas\n" +
      "  pokin pohon FILE.xlsx -o OUT.xlsx           draw the pohon kinerja (tree)\n" +
      "  pokin kertas-kerja FILE.xlsx -o OUT.xlsx    build the kertas kerja document\n" +
      "  pokin proses FILE.xlsx -o OUT.xlsx          everything: capaian, tree, kertas kerja, Hasil Pemeriksaan\n" +
      "  pokin perbaiki FILE.xlsx -o OUT.xlsx [--aturan RULE,...] [--coba]\n" +
      "                                              fix the findings whose fix is sure (codes, numbers, indicator lines)\n" +
      "\n" +
      "Options:\n" +
      "  -o, --output FILE      output file (.xlsx) in an existing folder; the input file is never modified\n" +
      "  --settings FILE.json   settings (capaian bands, paper, signatory, ...)\n" +
      "  --ganti-capaian        replace capaian typed by hand with formulas\n" +
      "  --bersih               (pohon, proses) the tree without the checking marks (red outlines, ⚠ n), for presenting\n" +
      "  --json                 (periksa) JSON output\n" +
      "  --laporan FILE.xlsx    (periksa) write a summary workbook\n" +
      "  --peta FILE.json       read tables with this column mapping (each column's role, per sheet and header row)\n" +
      "  --tulis-peta           (periksa) print the column mappings used (JSON), with a guess for each table\n" +
      '                         not recognised under "unplaced": edit it, move it to "mappings", apply with --peta\n' +
      "  --aturan A,B           (perbaiki) only these rules; name-mismatch takes the CSF table's name,\n" +
      "                         polarity-assumed writes naik\n" +
      "  --coba                 (perbaiki) show the fixes without writing a file\n" +
      "  --lang id|en           message language (default: id; LANG=en* chooses en)\n" +
      "  -h, --help             this help\n" +
      "  -v, --version          version\n" +
      "\n" +
      "Several files (periksa): each file is checked on its own; a file that cannot be read (corrupt,\n" +
      "too large) gets one line with the reason, also { file, error } in --json and a row in the\n" +
      "--laporan summary, and the other files are still checked.\n" +
      "\n" +
      "Exit status: 0 no errors, 1 error-level findings, 2 an input could not be read or wrong usage\n" +
      "(over 1), 3 program bug (please report).",
    "cli.info.header": "{file}: {count} sheets",
    "cli.info.sheet": "  {name}: {rows} rows × {cols} columns ({range}){protected}",
    "cli.info.empty": "  {name}: empty{protected}",
    "cli.info.protected": ", protected",
    "cli.summary.file":
      "{file}: {conditions} conditions, {indicators} indicators; {errors} errors, {warnings} warnings, {infos} info",
    "cli.summary.none": "No findings.",
    "cli.finding": "  [{severity}] {cell} {rule}: {message}",
    "cli.written": "Result written to {out}",
    "cli.laporanWritten": "Report written to {out}",
    "cli.bug":
      "Program error: {detail}. Please report it (run again with POKIN_DEBUG=1 for details).",
  },
} as const;
