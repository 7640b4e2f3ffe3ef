-- The plugins installed through the API, for every node sharing the database to run: the jar itself, whether it
-- is enabled, and a generation each reload through the API raises (so every node reloads it too).
CREATE TABLE plugin_jars (
    id         text PRIMARY KEY,
    jar        bytea NOT NULL,
    sha256     text NOT NULL,
    enabled    boolean NOT NULL DEFAULT true,
    generation bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
