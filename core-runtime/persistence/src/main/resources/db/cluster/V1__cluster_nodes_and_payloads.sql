-- One row per running server process, refreshed by its heartbeat; times are the database's, so nodes' clocks
-- never need to agree.
CREATE TABLE cluster_nodes (
    node_id      text PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now()
);

-- Bodies of cluster messages too large for a NOTIFY payload; the notification carries the id. Swept once old.
CREATE TABLE cluster_payloads (
    id         bigserial PRIMARY KEY,
    body       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX cluster_payloads_created_at ON cluster_payloads (created_at);
