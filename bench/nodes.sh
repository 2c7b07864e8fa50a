# Helpers for the benchmarks that run real `headway serve` nodes (bench/http.sh,
# bench/together/run.sh). Source it after setting HEADWAY (the binary), WORK (a scratch directory)
# and PIDS=() (the nodes started, for the caller's cleanup); NODE_ARGS=(...) adds serve options.
[[ -v NODE_ARGS ]] || NODE_ARGS=()
BENCH_NAME=${BENCH_NAME:-$(basename "$0")}

free_port() {  # the first port from $1 on that nothing listens on
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
wait_port() {  # waits until 127.0.0.1:$1 accepts, for at most 20 s
  for _ in $(seq 400); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  echo "$BENCH_NAME: nothing listens on port $1" >&2; return 1
}
start_node() {  # start_node PORT STORE-ARGS...: a node with access logs off; its pid goes to PIDS
  local port=$1; shift
  "$HEADWAY" serve "$@" --listen "127.0.0.1:$port" --access-log off "${NODE_ARGS[@]}" >"$WORK/node-$port.log" 2>&1 &
  PIDS+=($!)
  wait_port "$port"
}
wrk_ms() {  # wrk_ms QUANTILE OUTPUT: that latency quantile ("99%") of wrk --latency output, in ms
  awk -v q="$1" '$1 == q { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }' <<<"$2"
}
