-- The fingerprint of the sealed secret the first node started with, so that every node on this database derives
-- the same agent keys (a node with another secret refuses to sign). The secret itself never leaves its file.
CREATE TABLE tee_secret (
    id          smallint PRIMARY KEY CHECK (id = 1),
    fingerprint text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
