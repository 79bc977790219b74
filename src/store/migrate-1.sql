-- Upgrade from schema version 1: documents gain the extraction version (0: not yet extracted,
-- so the next ingest extracts every document); claims.sql then adds the extraction tables.
ALTER TABLE documents ADD COLUMN extracted INTEGER NOT NULL DEFAULT 0;
PRAGMA user_version = 2;
