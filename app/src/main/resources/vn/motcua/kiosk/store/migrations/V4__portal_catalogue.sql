-- The portal's procedure list as last fetched (ETag and body): offline, the kiosk still knows
-- which procedures the portal accepts, and never offers one it withdrew.
CREATE TABLE portal_catalogue (
  kind        TEXT PRIMARY KEY,
  etag        TEXT,
  body        TEXT NOT NULL,
  fetched_at  INTEGER NOT NULL
);
