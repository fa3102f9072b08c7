// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

/** What one pass of {@link SessionService#expire} erased: counts only. */
public record Expired(int interruptedDrafts, int parkedDrafts) {}
