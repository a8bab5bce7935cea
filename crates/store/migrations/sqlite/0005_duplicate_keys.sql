-- Duplicate keys: every key a live record holds under its object's duplicate rules (a normalised
-- company name, phone or email). The first record to take a key holds it (`holder` = 1); the
-- partial unique index lets only one record hold a key, so two concurrent creates of the same
-- customer cannot both succeed. Records that share a key without holding it (entered before a
-- rule existed) stay listed so that managers can find and merge them.
CREATE TABLE duplicate_keys (
    kind      TEXT NOT NULL,
    key       TEXT NOT NULL,
    object    TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    holder    INTEGER NOT NULL,
    PRIMARY KEY (object, record_id, kind, key)
);
CREATE UNIQUE INDEX ux_duplicate_keys_holder ON duplicate_keys (kind, key) WHERE holder = 1;
CREATE INDEX ix_duplicate_keys_key ON duplicate_keys (kind, key);
