// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

/**
 * What the papers screen hears while scanning into a document: "trang 3 …" as a page starts, how
 * far it is, and each page as soon as it is on disk (thumbnail, blank flag). Called on the
 * scanning thread; the screen hands the calls over to its own. Lives with the core that calls it.
 */
public interface PagesListener {
    default void pageStarted(int number) {}

    /** {@code fraction} 0..1 of the current page, or -1 when the scanner cannot tell its size. */
    default void progress(int number, double fraction) {}

    /** The page is stored and in the document at {@code index}. */
    default void pageAdded(int index, Page page) {}
}
