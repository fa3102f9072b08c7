// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One required paper (e.g. "CCCD, hai mặt") as an ordered list of pages: what the papers screen
 * shows as a row of thumbnails and edits with plain method calls. Safe to share between the
 * scanning thread (pages arrive) and the screen's thread (the citizen edits): every method is
 * synchronized and {@link #pages()} is a snapshot. Indexes are 0-based.
 */
public final class PaperDocument {
    private final String kind;
    private final List<Page> pages = new ArrayList<>();

    /** @param kind the procedure's code for this paper; a label for the screen, never personal data */
    public PaperDocument(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    public synchronized List<Page> pages() {
        return List.copyOf(pages);
    }

    public synchronized int size() {
        return pages.size();
    }

    public synchronized boolean isEmpty() {
        return pages.isEmpty();
    }

    public synchronized Page page(int index) {
        return pages.get(index);
    }

    public synchronized int indexOf(UUID id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends; returns the new page's index. */
    public synchronized int add(Page page) {
        pages.add(page);
        return pages.size() - 1;
    }

    /** Inserts before {@code index} ({@code index == size()} appends). */
    public synchronized void insert(int index, Page page) {
        pages.add(index, page);
    }

    /** Turns a page clockwise by {@code degrees} (a multiple of 90; negative turns left). */
    public synchronized void rotate(int index, int degrees) {
        pages.set(index, pages.get(index).rotatedBy(degrees));
    }

    /** Moves a page so that it ends up at {@code to} (drag and drop). */
    public synchronized void move(int from, int to) {
        Page p = pages.remove(from);
        pages.add(to, p);
    }

    /** Removes a page and erases its file at once. */
    public synchronized void delete(int index) throws IOException {
        Page p = pages.remove(index);
        Files.deleteIfExists(p.file());
    }

    /** Puts a rescanned page in the place of an old one; the old file is erased. */
    public synchronized void replace(int index, Page page) throws IOException {
        Page old = pages.set(index, page);
        if (!old.file().equals(page.file())) {
            Files.deleteIfExists(old.file());
        }
    }

    /** Indexes of pages that look empty, for the screen to point out. */
    public synchronized List<Integer> blankPages() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).blank()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Sum of the page files, a first idea of the PDF's size before it is built. */
    public synchronized long pageBytes() {
        return pages.stream().mapToLong(Page::bytes).sum();
    }

    /** Removes every page and erases its file ("Xóa ngay", end of session). */
    public synchronized void clear() throws IOException {
        IOException first = null;
        for (Page p : pages) {
            try {
                Files.deleteIfExists(p.file());
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        pages.clear();
        if (first != null) {
            throw first;
        }
    }
}
