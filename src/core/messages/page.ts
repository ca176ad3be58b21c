/**
 * Strings of the static HTML pages (written into the pages at build time, so that the
 * old-webview notice shows before any bundle runs). Same keys in id and en.
 */
export const page = {
  id: {
    "page.title": "Pohon Kinerja CSF",
    "page.loading": "Memuat Pohon Kinerja CSF…",
    "page.oldWebview.title": "Office ini terlalu lama untuk panel Pohon Kinerja CSF",
    "page.oldWebview.body":
      "Excel ini menjalankan add-in dengan Internet Explorer atau Edge versi lama (Office 2016/2019 berlisensi volume), yang tidak dapat menjalankan panel ini. Buku kerja Anda tidak diubah.",
    "page.oldWebview.failed":
      "Panel ini tidak dapat dimulai di Office ini: peramban yang dipakai Office untuk add-in terlalu lama untuk kodenya (misalnya Safari sebelum versi 14 di macOS atau iPad lama). Buku kerja Anda tidak diubah.",
    "page.oldWebview.alternatives": "Yang dapat Anda pakai:",
    "page.oldWebview.web":
      "Buka buku kerja yang sama di Excel untuk web (Microsoft 365 / OneDrive / SharePoint) dan jalankan add-in di sana.",
    "page.oldWebview.newer":
      "Pakai Office 2021, Office 2024 atau Microsoft 365, yang menjalankan add-in dengan Microsoft Edge WebView2.",
    "page.oldWebview.cli":
      "Jalankan baris perintah pokin pada file yang sama, misalnya: npx pokin proses kertas-kerja.xlsx -o hasil.xlsx",
    "page.help.title": "Bantuan Pohon Kinerja CSF",
    "page.help.body":
      "Buka panel dari tab Beranda, grup Pohon Kinerja. Periksa membaca lembar CSF Anda dan menunjukkan setiap temuan beserta selnya; Isi Capaian menulis rumus capaian yang tetap hidup; Gambar Pohon membuat lembar Pohon Kinerja; Buat Kertas Kerja menyusun dokumen kertas kerja.",
    "page.commands.title": "Perintah Pohon Kinerja CSF",
    "page.dialog.close": "Tutup",
  },
  en: {
    "page.title": "CSF Performance Tree",
    "page.loading": "Loading CSF Performance Tree…",
    "page.oldWebview.title": "This Office is too old for the CSF Performance Tree pane",
    "page.oldWebview.body":
      "This Excel runs add-ins in Internet Explorer or the old Edge (volume-licensed Office 2016/2019), which cannot run this pane. Your workbook has not been changed.",
    "page.oldWebview.failed":
      "This pane cannot start in this Office: the browser Office uses for add-ins is too old for its code (for example Safari before version 14 on older macOS or iPad). Your workbook has not been changed.",
    "page.oldWebview.alternatives": "What you can use instead:",
    "page.oldWebview.web":
      "Open the same workbook in Excel on the web (Microsoft 365 / OneDrive / SharePoint) and run the add-in there.",
    "page.oldWebview.newer":
      "Use Office 2021, Office 2024 or Microsoft 365, which run add-ins in Microsoft Edge WebView2.",
    "page.oldWebview.cli":
      "Run the pokin command line on the same file, for example: npx pokin proses kertas-kerja.xlsx -o hasil.xlsx",
    "page.help.title": "CSF Performance Tree help",
    "page.help.body":
      "Open the pane from the Home tab, Performance Tree group. Periksa (Check) reads your CSF sheets and lists every finding with its cell; Isi Capaian writes live achievement formulas; Gambar Pohon draws the Pohon Kinerja sheet; Buat Kertas Kerja produces the working paper.",
    "page.commands.title": "CSF Performance Tree commands",
    "page.dialog.close": "Close",
  },
} as const;
