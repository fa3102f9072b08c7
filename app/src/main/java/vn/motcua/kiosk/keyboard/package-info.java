/**
 * Vietnamese typing without an operating-system input method: Telex, VNI and a diacritic row,
 * for the on-screen keyboard and for physical keyboards. Plain Java, no JavaFX.
 *
 * <h2>Design</h2>
 * {@link vn.motcua.kiosk.keyboard.VietnameseInput} keeps the strokes of the word being typed
 * and re-renders the whole word after each one; the tone is a property of the syllable, placed
 * when rendering. So a tone or mark key may come anywhere after the letters it changes
 * (duocwdj → được, tiengs → tiếng), and the result depends only on the strokes. Output is NFC.
 *
 * <h2>Keys</h2>
 * <ul>
 * <li>Telex: s f r x j = sắc huyền hỏi ngã nặng, z removes the tone; aa ee oo = â ê ô;
 *     w = ă ơ ư on the cluster's a, o or u (uo → ươ, ua → ưa), and w with no vowel yet = ư;
 *     dd = đ (first letter only).</li>
 * <li>VNI: 1–5 tones, 0 removes the tone, 6 = ^, 7 = horn, 8 = breve, 9 = đ.</li>
 * <li>Diacritic row: letters ă â đ ê ô ơ ư are typed as they are; a tone or mark tap acts on the
 *     word like a Telex key (tap a then ´ → á).</li>
 * <li>The same tone or mark key twice takes it off and types the key (ass → as, aaa → aa,
 *     a11 → a1). A tapped tone or mark twice just takes it off.</li>
 * </ul>
 *
 * <h2>Tone placement</h2>
 * On the marked vowel (the last one: ươ → ơ, được); qu and gi before a vowel are consonants
 * (quý, giá; but gì); with a final consonant on the last vowel (hoàn, quỳnh); of three vowels on
 * the middle one (ngoài); of two open vowels on the first (mía, múa), except oa, oe, uy, which
 * follow {@link vn.motcua.kiosk.keyboard.ToneStyle} (hòa/hoà, thủy/thuỷ). "uow" gives ươ, except
 * that an open syllable after a consonant keeps uơ (thuở, huơ) until a letter follows
 * (nuow → nuơ, nuowc → nươc).
 *
 * <h2>Words that are not Vietnamese</h2>
 * Keys are read as tones and marks only while the word has the shape of a Vietnamese syllable
 * (a known initial, at most three vowels in one cluster, a known final). When a later key breaks
 * that shape the word goes back to the keys as typed: goo → gô, then google. Digits in Telex and
 * words without vowels are left alone; "email", "facebook", "2024" come out as typed. Telex
 * cannot tell every English word (tests → tets), which is why fields for e-mail addresses and
 * codes use {@link vn.motcua.kiosk.keyboard.InputMethod#PLAIN}.
 *
 * <h2>Backspace</h2>
 * What a Unikey typist expects, plus a one-step undo of a transformation:
 * <ol>
 * <li>Right after a stroke that changed the word in place (a tone, z/0, a circumflex, breve,
 *     horn or đ key, a diacritic-row tone or mark), backspace takes that change back and nothing
 *     else: tieengs → tiếng, ⌫ → tiêng; as → á, ⌫ → a. Only once in a row.</li>
 * <li>Otherwise backspace deletes the last character of the word, with its marks
 *     (tiêng → tiên → tiê → ti). The tone stays on the word and is placed again by the rules
 *     (hoán → hoá), unless it was on the deleted letter. The rest stays editable: nước (typed nuowsc) ⌫ → nướ,
 *     then c → nước again.</li>
 * <li>With no word under way it is an ordinary backspace; the keyboard then resumes the word now
 *     before the caret, so tôi␣ ⌫ s → tối.</li>
 * </ol>
 */
package vn.motcua.kiosk.keyboard;
