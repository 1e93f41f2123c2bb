-- Alert parity (issue 10): the alert pairs of a run and their judgements. Portable SQL.

-- The alert pairs of a run, each with the definition it was run with.
CREATE TABLE run_alert (
    run_id         BIGINT        NOT NULL REFERENCES parity_run (id),
    alert_id       VARCHAR(128)  NOT NULL,
    ordinal        INTEGER       NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end     TIMESTAMP WITH TIME ZONE NOT NULL,
    definition     VARCHAR       NOT NULL,                -- JSON of the mapping's alert pair
    PRIMARY KEY (run_id, alert_id)
);

-- The judgement of one alert pair in one run, with what it was judged on.
CREATE TABLE alert_result (
    run_id         BIGINT        NOT NULL,
    alert_id       VARCHAR(128)  NOT NULL,
    verdict        VARCHAR(24)   NOT NULL,                -- PASS, FAIL, NO_EPISODES, ERROR
    summary        VARCHAR(4000) NOT NULL,                -- the first finding, one line
    first_code     VARCHAR(64),                           -- its code
    old_episodes   INTEGER       NOT NULL DEFAULT 0,
    new_episodes   INTEGER       NOT NULL DEFAULT 0,
    matched        INTEGER       NOT NULL DEFAULT 0,
    judged_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    document       VARCHAR       NOT NULL,                -- JSON: both sides (definition, series, episodes) and the judgement
    PRIMARY KEY (run_id, alert_id),
    FOREIGN KEY (run_id, alert_id) REFERENCES run_alert (run_id, alert_id)
);
