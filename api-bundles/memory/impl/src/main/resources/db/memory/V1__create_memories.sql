-- What agents remember. No foreign keys: agents and rooms live in other domains' tables, and a memory of an agent
-- that is gone is simply never served.
CREATE TABLE memories (
    id              uuid PRIMARY KEY,
    agent_id        uuid NOT NULL,
    entity_id       uuid NOT NULL,
    room_id         uuid NOT NULL,
    world_id        uuid,
    type            text NOT NULL,
    content         jsonb NOT NULL,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_unique       boolean NOT NULL DEFAULT false,
    created_at      bigint NOT NULL,
    -- little-endian float32, as the model gave it; NULL until the background worker has embedded content.text
    embedding       bytea,
    embedding_model text,
    dims            integer,
    -- why embedding gave up for good (the agent is gone, the provider refuses the text); NULL while it may work
    embed_error     text
);
-- The list filters: an agent's memories of a type, newest first, optionally in one room or world.
CREATE INDEX memories_agent_type_created ON memories (agent_id, type, created_at DESC);
CREATE INDEX memories_room_created ON memories (room_id, created_at DESC);
CREATE INDEX memories_world ON memories (world_id) WHERE world_id IS NOT NULL;
-- The worker's sweep for memories still to embed.
CREATE INDEX memories_unembedded ON memories (created_at) WHERE embedding IS NULL AND embed_error IS NULL;
