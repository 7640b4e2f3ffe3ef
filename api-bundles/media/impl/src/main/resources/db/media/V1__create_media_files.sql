-- One row per uploaded file; its bytes live under DATA_DIR/media/uploads/<scope>/<owner_id>/<filename>.
CREATE TABLE media_files (
    id            uuid PRIMARY KEY,
    scope         text NOT NULL CHECK (scope IN ('agents', 'channels')),
    owner_id      uuid NOT NULL,
    filename      text NOT NULL,
    original_name text NOT NULL,
    content_type  text NOT NULL,
    size          bigint NOT NULL CHECK (size >= 0),
    created_at    timestamptz NOT NULL,
    -- Downloads look a file up by its URL's coordinates.
    UNIQUE (scope, owner_id, filename)
);
