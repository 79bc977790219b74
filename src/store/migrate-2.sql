-- Upgrade from schema version 2. Files of version 3 carry the snapshot image thaigraphd serves
-- after their SQLite pages. Claims are derived data, so they are made anew: the tables go (claims.sql
-- recreates them) and every document is marked for extraction by the next ingest.
DROP TABLE entity_claims;
DROP TABLE name_claims;
DROP TABLE mentions;
DROP TABLE position_claims;
DROP TABLE event_claims;
DROP TABLE participant_claims;
UPDATE documents SET extracted = 0;
PRAGMA user_version = 3;
