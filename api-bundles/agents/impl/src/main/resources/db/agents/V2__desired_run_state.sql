-- Whether the agent should be running; the runtime starts these agents again after a restart.
ALTER TABLE agents ADD COLUMN desired_active boolean NOT NULL DEFAULT false;
CREATE INDEX agents_desired_active ON agents (created_at, id) WHERE desired_active;
