-- One row per live session; its messages live in the messaging tables, in the session's channel.
CREATE TABLE sessions (
    session_id                uuid PRIMARY KEY,
    channel_id                uuid NOT NULL,
    agent_id                  uuid NOT NULL,
    user_id                   uuid NOT NULL,
    metadata                  jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at                timestamptz NOT NULL,
    last_activity             timestamptz NOT NULL,
    expires_at                timestamptz NOT NULL,
    timeout_minutes           integer NOT NULL,
    auto_renew                boolean NOT NULL,
    max_duration_minutes      integer NOT NULL,
    warning_threshold_minutes integer NOT NULL,
    renewal_count             integer NOT NULL DEFAULT 0,
    warned                    boolean NOT NULL DEFAULT false
);
-- The sweep looks for expired and soon-expiring sessions.
CREATE INDEX sessions_expires_at ON sessions (expires_at);
