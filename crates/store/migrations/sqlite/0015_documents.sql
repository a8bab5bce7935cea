-- Printable templates for quotes, orders and contracts: HTML with merge fields, rendered with
-- what both their author and the reader may read.
CREATE TABLE document_templates (
    id          TEXT NOT NULL PRIMARY KEY,
    object      TEXT NOT NULL,
    name        TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_document_templates_object ON document_templates (object, name);

-- A document generated from a template, kept with its record as it was rendered, and when,
-- by whom and to whom it was sent.
CREATE TABLE documents (
    id            TEXT NOT NULL PRIMARY KEY,
    object        TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    template_id   TEXT NOT NULL,
    name          TEXT NOT NULL,
    html          TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    sent_at       TEXT,
    sent_by       TEXT,
    sent_to       TEXT
);
CREATE INDEX ix_documents_record ON documents (object, record_id, created_at);
