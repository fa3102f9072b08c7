-- From here on every personal column holds a box sealed with the kiosk's data key (DataKey):
-- drafts.payload (unparked drafts; parked ones are sealed with the citizen's code as before),
-- outbox.body_json, outbox.last_error, outbox.parked_reason (the portal's words may echo the
-- citizen's) and receipts.body. SQLite keeps a BLOB as a BLOB whatever the column's declared type.
-- Plaintext that earlier versions wrote: unparked drafts and reprint copies are dropped (an upgrade
-- is not a session to go on with); waiting outbox entries are sealed by OutboxStore at start-up.
DELETE FROM drafts WHERE parked = 0;
DELETE FROM receipts;
