-- The uploads' bytes, so that every node serves every upload (the files under DATA_DIR/media are a node's copies).
-- Chunks bound the memory a read or a write needs; they go with their file's row. The node that took an upload
-- stores its bytes right after answering; bytes_stored says they are all here (set in the chunks' transaction).
CREATE TABLE media_chunks (
    media_id uuid NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
    seq      integer NOT NULL CHECK (seq >= 0),
    bytes    bytea NOT NULL,
    PRIMARY KEY (media_id, seq)
);
-- Media are compressed already: stored out of line without trying to compress them again.
ALTER TABLE media_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
ALTER TABLE media_files ADD COLUMN bytes_stored boolean NOT NULL DEFAULT false;
CREATE INDEX media_files_bytes_missing ON media_files (created_at) WHERE NOT bytes_stored;
