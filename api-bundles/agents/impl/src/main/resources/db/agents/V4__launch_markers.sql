-- Characters the server created on its own once (the default agent): deleting one must not bring it back.
CREATE TABLE agent_launch_markers (
    name       text        PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
