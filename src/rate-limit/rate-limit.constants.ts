/** Prometheus counter of requests refused by the rate limit, by client id (`anonymous` for IP-keyed requests). */
export const RATE_LIMITED_TOTAL = 'mcp_rate_limited_total';

/** Prefix of every counter key, so the counters are recognisable in a Redis shared with other software. */
export const RATE_LIMIT_KEY_PREFIX = 'confluence-mcp:rate-limit';

/** The `client` label (and log name) of requests counted by IP: never the IP itself, which would make labels unbounded. */
export const ANONYMOUS_CLIENT = 'anonymous';
