CREATE TABLE agents (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    enabled    boolean     NOT NULL DEFAULT true,
    character  jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX agents_by_creation ON agents (created_at, id);
