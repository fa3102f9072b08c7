-- Volunteers staff added on the kiosk (those in kiosk.json are not copied here): the name the
-- header and the figures show, and the PIN as a salted slow hash, never the PIN.
CREATE TABLE volunteers (
  name      TEXT PRIMARY KEY COLLATE NOCASE,
  pin_hash  TEXT NOT NULL,
  added_at  INTEGER NOT NULL
);
