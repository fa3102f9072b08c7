package vn.motcua.kiosk.keyboard;

/**
 * Where the tone goes on the open syllables oa, oe, uy: both spellings are in official use, so the
 * kiosk lets the province choose. Every other syllable is spelt the same in both styles.
 */
public enum ToneStyle {
    /** hòa, hòe, thủy: the tone on the first vowel. */
    OLD,
    /** hoà, hoè, thuỷ: the tone on the main vowel (Decree 30/2020 style). */
    NEW
}
