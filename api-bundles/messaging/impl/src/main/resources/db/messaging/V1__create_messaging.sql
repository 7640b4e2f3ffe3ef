-- The messaging domain: message servers, their channels and participants, messages, and one delivery row per
-- message addressed to an agent. Times are stored at millisecond precision because clients page with them.
CREATE TABLE message_servers (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    source_type text        NOT NULL,
    source_id   text,
    metadata    jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

INSERT INTO message_servers (id, name, source_type, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000000', 'Default Server', 'eliza_default',
        date_trunc('milliseconds', now()), date_trunc('milliseconds', now()));

CREATE TABLE server_agents (
    server_id uuid NOT NULL REFERENCES message_servers (id) ON DELETE CASCADE,
    agent_id  uuid NOT NULL,
    PRIMARY KEY (server_id, agent_id)
);
CREATE INDEX server_agents_agent ON server_agents (agent_id);

CREATE TABLE channels (
    id          uuid PRIMARY KEY,
    server_id   uuid        NOT NULL REFERENCES message_servers (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    type        text        NOT NULL,
    source_type text,
    -- json, not jsonb: the metadata is returned exactly as it was sent (key order and all).
    metadata    json,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX channels_server ON channels (server_id, created_at);

CREATE TABLE channel_participants (
    channel_id     uuid        NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    participant_id uuid        NOT NULL,
    joined_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel_id, participant_id)
);

CREATE TABLE messages (
    id          uuid PRIMARY KEY,
    channel_id  uuid        NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    server_id   uuid        NOT NULL,
    author_id   uuid        NOT NULL,
    author_name text        NOT NULL DEFAULT '',
    content     text        NOT NULL,
    source_type text        NOT NULL,
    source_id   text,
    raw_message jsonb,
    metadata    json        NOT NULL DEFAULT '{}',
    attachments jsonb,
    in_reply_to uuid,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    search      tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, content)) STORED
);
-- Newest first with the id as tie-breaker: the order of every page, so paging is stable under concurrent inserts.
CREATE INDEX messages_channel_order ON messages (channel_id, created_at DESC, id DESC);
CREATE INDEX messages_server_order ON messages (server_id, created_at DESC);
CREATE INDEX messages_search ON messages USING gin (search);

CREATE TABLE deliveries (
    message_id uuid        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    agent_id   uuid        NOT NULL,
    state      text        NOT NULL,
    reason     text,
    depth      integer     NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0,
    claimed_by text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, agent_id)
);
-- Only open deliveries are ever scanned for work.
CREATE INDEX deliveries_open ON deliveries (updated_at) WHERE state IN ('received', 'processing');
