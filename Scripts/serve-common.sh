# Shared by the scripts that run `gazette serve` (bench-serve.sh, serve-hostile.sh, browser-test.sh):
# source it after setting ROOT. Provides start_server / stop_server, which start the given gazette
# binary on a free port of 127.0.0.1 and stop it with SIGTERM (the graceful path).

# start_server BIN LOG [serve flags...]: starts `BIN serve --port 0 ...`; sets SERVER_PID,
# SERVER_PORT and SERVER_URL once it listens (waits up to 120 s: the first start compiles the
# gazetteer cache).
start_server() {
    local bin="$1" log="$2"
    shift 2
    "$bin" serve --host 127.0.0.1 --port 0 "$@" 2>"$log" &
    SERVER_PID=$!
    SERVER_PORT=""
    for _ in $(seq 1200); do
        SERVER_PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | sed -n 1p)
        [ -n "$SERVER_PORT" ] && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "gazette serve exited before listening:" >&2
            cat "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    if [ -z "$SERVER_PORT" ]; then
        echo "gazette serve did not report a port within 120 s" >&2
        kill "$SERVER_PID" 2>/dev/null || true
        return 1
    fi
    SERVER_URL="http://127.0.0.1:$SERVER_PORT"
}

# stop_server: SIGTERM, wait up to 60 s; sets SERVER_STATUS to the exit status (0 after a
# graceful stop). Call it in the script's own shell, not in $(...): only the parent can wait.
stop_server() {
    SERVER_STATUS=""
    [ -n "${SERVER_PID:-}" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local status=0
    for _ in $(seq 600); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        status=137
    fi
    wait "$SERVER_PID" 2>/dev/null || status=$?
    SERVER_PID=""
    SERVER_STATUS="$status"
}

# peak_rss_mb PID: the process's peak resident set so far (VmHWM), in MB.
peak_rss_mb() {
    awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}
