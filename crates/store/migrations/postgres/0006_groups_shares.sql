-- Project groups: users working together across teams; a user may belong to several.
CREATE TABLE user_groups (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_user_groups_name ON user_groups (name);

CREATE TABLE user_group_members (
    group_id TEXT COLLATE "C" NOT NULL REFERENCES user_groups (id),
    user_id  TEXT COLLATE "C" NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);

-- Records shared beyond their role scopes: with one user (`user:<id>`) or a group
-- (`group:<id>`), to read or to read and edit, optionally until a moment.
CREATE TABLE record_shares (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    object     TEXT COLLATE "C" NOT NULL,
    record_id  TEXT COLLATE "C" NOT NULL,
    grantee    TEXT COLLATE "C" NOT NULL,
    access     TEXT COLLATE "C" NOT NULL,
    until      TIMESTAMPTZ,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_record_shares_grantee ON record_shares (grantee, object, record_id);
CREATE INDEX ix_record_shares_record ON record_shares (object, record_id);
