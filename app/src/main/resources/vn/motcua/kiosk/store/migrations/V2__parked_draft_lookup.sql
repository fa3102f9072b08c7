-- Parked drafts are found by a tag derived from the resume code and birth year, never by the code.
ALTER TABLE drafts ADD COLUMN lookup BLOB;
CREATE UNIQUE INDEX drafts_by_lookup ON drafts(lookup) WHERE lookup IS NOT NULL;

-- Secrets this kiosk makes for itself at first start, such as the salt of parked-draft keys.
CREATE TABLE kiosk_secrets (
  name   TEXT PRIMARY KEY,
  value  BLOB NOT NULL
);
