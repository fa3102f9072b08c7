package vn.motcua.kiosk.keyboard;

/** One input to the current word, kept so the word can be re-rendered from scratch. */
sealed interface Stroke {
    /** A key as typed; Telex or VNI may read it as a tone or a mark. */
    record Key(char c) implements Stroke {}

    /** A letter taken as it is: a diacritic-row letter, or text read back after a backspace. */
    record Literal(char c) implements Stroke {}

    /** A tone from the diacritic row. */
    record ToneTap(Tone tone) implements Stroke {}

    /** A letter mark from the diacritic row. */
    record MarkTap(Mark mark) implements Stroke {}
}
