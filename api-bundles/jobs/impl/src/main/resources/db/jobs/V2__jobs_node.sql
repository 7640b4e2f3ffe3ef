-- The node that accepted the job and follows it; another node follows it only once that node is no longer live.
-- Null for jobs accepted before clustering (or with no cluster service): any node may follow those.
ALTER TABLE jobs ADD COLUMN node_id text;
