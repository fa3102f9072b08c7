-- Dossiers on their way to the portal ("Nộp hồ sơ" writes one row and its documents in one
-- transaction). The body and the document files are erased once the portal has the dossier.
CREATE TABLE outbox (
  local_ref        TEXT PRIMARY KEY,
  procedure_id     TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  body_json        TEXT,
  state            TEXT NOT NULL,
  dossier_id       TEXT,
  dossier_code     TEXT,
  receipt_json     TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  parked_reason    TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

CREATE TABLE outbox_documents (
  local_ref   TEXT NOT NULL,
  position    INTEGER NOT NULL,
  doc_type    TEXT NOT NULL,
  filename    TEXT NOT NULL,
  path        TEXT,
  length      INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  upload_url  TEXT,
  uploaded    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (local_ref, position)
);
