// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.form;

/**
 * A group's first row filled with one touch from what the form already knows (LLTP: "Ở địa chỉ
 * thường trú này từ năm 14 tuổi đến nay" — row 1 from the card's permanent address, from the
 * birthday at that age, until now): fields of the form name where each value comes from.
 *
 * @param age       the age the history starts at
 * @param birthDate the form's birth-date field
 * @param address   the form's address field whose line becomes the row's place
 * @param from      the row's start-date column
 * @param place     the row's place column
 * @param label     the button's words
 */
public record SinceAge(Integer age, String birthDate, String address, String from, String place, Label label) {}
