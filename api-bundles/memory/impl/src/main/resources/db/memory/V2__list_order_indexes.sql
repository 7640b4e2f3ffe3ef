-- Listings order by (created_at DESC, id DESC): with the id in the index they read their page straight from it
-- instead of sorting each run of memories of one millisecond after the index scan.
CREATE INDEX memories_agent_type_listed ON memories (agent_id, type, created_at DESC, id DESC);
DROP INDEX memories_agent_type_created;
CREATE INDEX memories_room_listed ON memories (room_id, created_at DESC, id DESC);
DROP INDEX memories_room_created;
