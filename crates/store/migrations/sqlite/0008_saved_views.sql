-- Saved list views: a name, the list's conditions and sort (as query parameters), kept for their
-- owner or shared with the owner's team.
CREATE TABLE saved_views (
    id         TEXT NOT NULL PRIMARY KEY,
    object     TEXT NOT NULL,
    name       TEXT NOT NULL,
    owner_id   TEXT NOT NULL REFERENCES users (id),
    team_id    TEXT,
    query      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_saved_views_object ON saved_views (object, owner_id);
