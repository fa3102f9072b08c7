-- A refused dossier that staff discarded, or that waited past privacy.refusedOutboxDays, leaves
-- only this: no body, no portal words, no papers. A citizen who looks the CG- reference up later
-- is told it was cancelled instead of "not found". reason: a DiscardReason name.
CREATE TABLE outbox_tombstones (
  local_ref     TEXT PRIMARY KEY,
  procedure_id  TEXT NOT NULL,
  reason        TEXT NOT NULL,
  discarded_at  INTEGER NOT NULL
);
