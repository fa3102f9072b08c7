-- The day's receipts, for staff to reprint (paper jam, a lost slip). Only what the paper needs
-- and nothing the session alone should hold: the applicant's name, never the ID number, phone,
-- e-mail or address. Rows of earlier days are erased (Reprints.today()).
CREATE TABLE receipts (
  local_ref    TEXT PRIMARY KEY,
  procedure    TEXT NOT NULL,
  received_at  INTEGER NOT NULL,
  body         TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);
