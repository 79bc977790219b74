-- Upgrade from schema version 2 (and from 1, after migrate-1.sql): the claims tables are derived
-- from the documents, so they are dropped, claims.sql creates them in their new form, and every
-- document is marked for extraction (extracted = 0) so the next run fills them again. Version 3
-- gave participants the roles of extract.h and evidence spans to positions and participants.
DROP TABLE IF EXISTS participant_claims;
DROP TABLE IF EXISTS event_claims;
DROP TABLE IF EXISTS position_claims;
DROP TABLE IF EXISTS mentions;
DROP TABLE IF EXISTS name_claims;
DROP TABLE IF EXISTS entity_claims;
UPDATE documents SET extracted = 0;
PRAGMA user_version = 3;
