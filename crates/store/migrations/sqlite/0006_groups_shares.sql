-- Project groups: users working together across teams; a user may belong to several.
CREATE TABLE user_groups (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_user_groups_name ON user_groups (name);

CREATE TABLE user_group_members (
    group_id TEXT NOT NULL REFERENCES user_groups (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);

-- Records shared beyond their role scopes: with one user (`user:<id>`) or a group
-- (`group:<id>`), to read or to read and edit, optionally until a moment.
CREATE TABLE record_shares (
    id         TEXT NOT NULL PRIMARY KEY,
    object     TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    grantee    TEXT NOT NULL,
    access     TEXT NOT NULL,
    until      TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_record_shares_grantee ON record_shares (grantee, object, record_id);
CREATE INDEX ix_record_shares_record ON record_shares (object, record_id);
