-- Role permissions. A missing row means the built-in default for that role (see the app's
-- access rules), so that new objects and fields get sensible permissions without a migration.

-- Which records of an object each operation reaches for a role: none, own, team, team_tree, all.
CREATE TABLE role_grants (
    role      TEXT NOT NULL REFERENCES roles (name),
    object    TEXT NOT NULL,
    operation TEXT NOT NULL,
    scope     TEXT NOT NULL,
    PRIMARY KEY (role, object, operation)
);

-- How a role may use a field: hidden, masked, read, edit.
CREATE TABLE role_field_access (
    role   TEXT NOT NULL REFERENCES roles (name),
    object TEXT NOT NULL,
    field  TEXT NOT NULL,
    access TEXT NOT NULL,
    PRIMARY KEY (role, object, field)
);

-- Team names identify teams on the command line.
CREATE UNIQUE INDEX ux_teams_name ON teams (name);
