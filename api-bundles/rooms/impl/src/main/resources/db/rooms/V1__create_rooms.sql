-- The agents' rooms: an agent's own view of a messaging channel, of a group, or a room made through the API.
-- agent_id and world_id name rows of the agents domain, which is migrated and swapped on its own: no foreign keys.
CREATE TABLE rooms (
    id                uuid        PRIMARY KEY,
    agent_id          uuid        NOT NULL,
    name              text        NOT NULL,
    channel_id        uuid,
    message_server_id uuid,
    world_id          uuid,
    type              text        NOT NULL,
    source            text        NOT NULL,
    metadata          jsonb,
    created_at        timestamptz NOT NULL,
    -- An agent has one room per channel: concurrent first messages of a channel race into this constraint.
    CONSTRAINT rooms_one_per_channel UNIQUE (agent_id, channel_id)
);
CREATE INDEX rooms_by_agent ON rooms (agent_id, created_at, id);
CREATE INDEX rooms_by_world ON rooms (world_id, created_at, id);
