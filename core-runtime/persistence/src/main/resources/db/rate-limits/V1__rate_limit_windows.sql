-- Requests per rate-limit client and window, summed over all nodes; each node adds what it counted since its last
-- exchange. Windows are aligned on the epoch (start and close in epoch milliseconds), so nodes agree on them.
CREATE TABLE rate_limit_windows (
    client       text   NOT NULL,
    window_start bigint NOT NULL,
    closes_at    bigint NOT NULL,
    hits         bigint NOT NULL,
    PRIMARY KEY (client, window_start, closes_at)
);

CREATE INDEX rate_limit_windows_closes_at ON rate_limit_windows (closes_at);
