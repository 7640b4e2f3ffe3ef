-- An agent's worlds (ElizaOS groups rooms into worlds); they go with their agent.
CREATE TABLE agent_worlds (
    id                uuid        PRIMARY KEY,
    agent_id          uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    name              text        NOT NULL,
    metadata          jsonb       NOT NULL DEFAULT '{}',
    message_server_id uuid,
    created_at        timestamptz NOT NULL
);
CREATE INDEX agent_worlds_by_agent ON agent_worlds (agent_id, created_at, id);

-- What agents did: runs and model calls written by the runtime, read newest first per agent.
-- Retention is bounded per agent by AgentLogStore (the newest KEEP_PER_AGENT entries are kept).
CREATE TABLE agent_logs (
    id         uuid        PRIMARY KEY,
    agent_id   uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    entity_id  uuid        NOT NULL,
    room_id    uuid,
    type       text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX agent_logs_by_agent_time ON agent_logs (agent_id, created_at DESC, id DESC);
CREATE INDEX agent_logs_by_run ON agent_logs (agent_id, (body ->> 'runId')) WHERE body ->> 'runId' IS NOT NULL;
