// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Papers as the citizen hands them in: scanned or imported pages kept as files in the session's
 * work folder ({@link vn.motcua.kiosk.documents.PageWriter}), the page list a screen edits
 * ({@link vn.motcua.kiosk.documents.PaperDocument}), the checks on imported files
 * ({@link vn.motcua.kiosk.documents.PaperImport}) and one PDF/A-2b per document
 * ({@link vn.motcua.kiosk.documents.PdfMaker}). Scans are personal data: nothing here logs a file
 * name or any content, and every file lives under the folder the session passed in.
 */
package vn.motcua.kiosk.documents;
