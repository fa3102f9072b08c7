-- Sessions: a random id and times only; nothing that names the citizen.
CREATE TABLE sessions (
  id          TEXT PRIMARY KEY,
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER
);

-- Drafts: the citizen's answers, saved on every change. Erased at session end unless parked.
CREATE TABLE drafts (
  id          TEXT PRIMARY KEY,
  session_id  TEXT NOT NULL,
  step        TEXT NOT NULL,
  payload     BLOB NOT NULL,
  parked      INTEGER NOT NULL DEFAULT 0,
  revision    INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX drafts_by_session ON drafts(session_id);

-- Event log: what happened and when, never who (no names, ID numbers or images).
CREATE TABLE events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  type        TEXT NOT NULL,
  session_id  TEXT,
  detail      TEXT
);
