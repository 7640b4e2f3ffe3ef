-- The jobs domain: one-off messages to an agent and their answers. Times are epoch milliseconds, as the wire
-- shows them. A job points at the channel and message it was posted as, so an answer stored while this node was
-- down is found again after a restart.
CREATE TABLE jobs (
    id                 uuid PRIMARY KEY,
    agent_id           uuid   NOT NULL,
    user_id            uuid   NOT NULL,
    prompt             text   NOT NULL,
    channel_id         uuid   NOT NULL,
    message_id         uuid,
    status             text   NOT NULL,
    created_at         bigint NOT NULL,
    expires_at         bigint NOT NULL,
    metadata           json   NOT NULL,
    reply_id           uuid,
    reply_text         text,
    reply_created_at   bigint,
    processing_time_ms bigint,
    error              text
);
CREATE INDEX jobs_created ON jobs (created_at DESC);
CREATE INDEX jobs_status ON jobs (status, expires_at);
