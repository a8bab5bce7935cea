-- Printable templates for quotes, orders and contracts: HTML with merge fields, rendered with
-- what both their author and the reader may read.
CREATE TABLE document_templates (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    object      TEXT COLLATE "C" NOT NULL,
    name        TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   TEXT COLLATE "C" NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_document_templates_object ON document_templates (object, name);

-- A document generated from a template, kept with its record as it was rendered, and when,
-- by whom and to whom it was sent.
CREATE TABLE documents (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    object        TEXT COLLATE "C" NOT NULL,
    record_id     TEXT COLLATE "C" NOT NULL,
    template_id   TEXT COLLATE "C" NOT NULL,
    name          TEXT NOT NULL,
    html          TEXT NOT NULL,
    created_by    TEXT COLLATE "C" NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ,
    sent_by       TEXT COLLATE "C",
    sent_to       TEXT
);
CREATE INDEX ix_documents_record ON documents (object, record_id, created_at);
