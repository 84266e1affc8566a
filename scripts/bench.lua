-- wrk script of scripts/bench.sh: counts every answer that is not 2xx and prints one line the script reads.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    not2xx = 0
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        not2xx = not2xx + 1
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("not2xx")
    end
    local e = summary.errors
    local socket = e.connect + e.read + e.write + e.timeout
    -- RESULT requests req/s p50(ms) p99(ms) not-2xx socket-errors KB-per-answer
    io.write(string.format("RESULT %d %.1f %.2f %.2f %d %d %.1f\n",
        summary.requests,
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000,
        latency:percentile(99) / 1000,
        bad,
        socket,
        summary.requests > 0 and summary.bytes / summary.requests / 1024 or 0))
end
