#!/usr/bin/env bash
# npm run test:slurm — occsim sweeps through a real Slurm.
#
# Starts a private single-node Slurm cluster from Debian's packages (munge, slurmctld, slurmd,
# slurm-client) with its own configuration, munge socket, ports and state under a temporary
# folder, so it never touches a Slurm already on the machine. Then:
#   1. runs a small sweep with --local and the same sweep with --slurm (a job array and a merge
#      job), and checks the two tables are identical apart from timing;
#   2. runs it again on Slurm, cancels one array task while it runs and one before it starts, checks
#      that status reports them, resubmits, and checks the sweep completes with every task written exactly once.
# Needs root (as CI has). Stops every daemon it started, by process id, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OCCSIM="node $ROOT/bin/occsim.js"
SWEEP="$ROOT/test/fixtures/sweep/slurm.json"
TIMEOUT=${SLURM_TEST_TIMEOUT:-150}

[ "$(id -u)" -eq 0 ] || { echo "test:slurm: needs root to start munged and the Slurm daemons" >&2; exit 1; }
for c in munged mungekey slurmctld slurmd sbatch; do
  command -v "$c" >/dev/null || { echo "test:slurm: $c not found: apt-get install munge slurmctld slurmd slurm-client" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/occsim-slurm.XXXXXX)
chmod 755 "$WORK"
DAEMONS=()
started=$(date +%s)

cleanup() {
  status=$?
  set +e
  if [ -n "${SLURM_CONF:-}" ] && [ -n "$(squeue -h -o %i 2>/dev/null)" ]; then scancel --quiet $(squeue -h -o %i); fi
  for pid in "${DAEMONS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${DAEMONS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  if [ "$status" -ne 0 ]; then
    echo "--- test:slurm failed; daemon logs:" >&2
    tail -n 20 "$WORK"/*.log "$WORK"/munge/*.log 2>/dev/null >&2
    for f in "$WORK"/*/logs/*.out; do [ -s "$f" ] && { echo "--- $f" >&2; cat "$f" >&2; }; done
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "test:slurm: FAILED: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }

# Waits until a condition holds, or fails after TIMEOUT seconds.
wait_for() {
  local what=$1; shift
  local until=$(( $(date +%s) + TIMEOUT ))
  until "$@"; do
    [ "$(date +%s)" -lt "$until" ] || fail "timed out waiting for $what"
    sleep 0.2
  done
}

free_port() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

echo "--- starting a single-node Slurm in $WORK"
mkdir -p "$WORK/munge" "$WORK/state" "$WORK/spool"
mungekey -c -k "$WORK/munge/munge.key" 2>/dev/null || mungekey -c -f -k "$WORK/munge/munge.key"
chown -R munge:munge "$WORK/munge"
chmod 755 "$WORK/munge"; chmod 600 "$WORK/munge/munge.key"
runuser -u munge -- munged --socket="$WORK/munge/munge.socket" --key-file="$WORK/munge/munge.key" \
  --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed"
DAEMONS+=("$(cat "$WORK/munge/munged.pid")")

HOST=$(hostname -s)
CPUS=$(nproc)
MEMORY=$(( $(awk '/MemTotal/ { print $2 }' /proc/meminfo) / 1024 / 2 ))
PORT=16817
while ! free_port "$PORT" || ! free_port $((PORT + 1)); do PORT=$((PORT + 2)); done
cat > "$WORK/slurm.conf" <<CONF
ClusterName=occsim-test
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$WORK/munge/munge.socket
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEMORY State=UNKNOWN
PartitionName=main Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$WORK/slurmctld.out" 2>&1 &
DAEMONS+=("$!")
slurmd -D -f "$SLURM_CONF" >"$WORK/slurmd.out" 2>&1 &
DAEMONS+=("$!")
node_idle() { [ "$(sinfo -h -o %T 2>/dev/null)" = "idle" ]; }
wait_for "the node to be idle" node_idle
ok "node $HOST idle with $CPUS CPUs ($(( $(date +%s) - started )) s)"

queue_empty() { [ -z "$(squeue -h -o %i)" ]; }
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }
# The table's JSON without its timing, the one part allowed to differ.
untimed() { node -e 'const { timing, ...rest } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(JSON.stringify(rest));' "$1"; }
same_table() {
  cmp -s "$WORK/local/table.csv" "$1/table.csv" || fail "$1/table.csv differs from the local run"
  [ "$(untimed "$WORK/local/table.json")" = "$(untimed "$1/table.json")" ] || fail "$1/table.json differs from the local run"
}

echo "--- 1. the same sweep, --local and --slurm"
t=$(seconds)
$OCCSIM sweep run "$SWEEP" --local --out "$WORK/local" --workers "$CPUS" >/dev/null 2>"$WORK/local.err"
LOCAL=$(elapsed "$t")
ok "--local: $LOCAL s"
t=$(seconds)
$OCCSIM sweep run "$SWEEP" --slurm --out "$WORK/whole" > "$WORK/submit.out"
wait_for "the sweep to finish" queue_empty
SLURM=$(elapsed "$t")
[ -f "$WORK/whole/table.csv" ] || fail "the merge job wrote no table: $(cat "$WORK"/whole/logs/merge_*.out)"
same_table "$WORK/whole"
TASKS=$(ls "$WORK/whole/shards" | wc -l)
ok "--slurm: $SLURM s for $TASKS tasks and the merge; table identical to --local apart from timing"

echo "--- 2. tasks cancelled mid-way, then resubmitted"
$OCCSIM sweep run "$SWEEP" --slurm --out "$WORK/cancel" --max-parallel 1 > "$WORK/submit.out"
ARRAY=$(sed -n 's/^submitted array job \([0-9]*\).*/\1/p' "$WORK/submit.out")
[ -n "$ARRAY" ] || fail "no array job id in: $(cat "$WORK/submit.out")"
# With one task at a time, wait until a task after the first runs, then cancel it and the last
# task (still pending): the running one tests a kill mid-write, the pending one cannot race.
running_task() { RUNNING=$(squeue -h -r -j "$ARRAY" -t RUNNING -o %K | head -n1); [ -n "$RUNNING" ] && [ "$RUNNING" != 1 ] && [ "$RUNNING" != "$TASKS" ]; }
wait_for "a task after the first to run" running_task
scancel "${ARRAY}_${RUNNING}" "${ARRAY}_${TASKS}"
ok "cancelled task $RUNNING of array $ARRAY while it ran, and task $TASKS before it started"
array_gone() { [ -z "$(squeue -h -r -j "$ARRAY" -o %i 2>/dev/null)" ]; }
wait_for "the other tasks to finish" array_gone
STATUS=$($OCCSIM sweep status "$WORK/cancel")
echo "$STATUS" | sed 's/^/    /'
# The running task may, rarely, have finished before scancel reached it; the pending one cannot.
# (Without an accounting database, Slurm forgets a task cancelled while pending: status then says
# it ended without a shard rather than CANCELLED.)
MISSING=$(echo "$STATUS" | sed -n 's/^  task \([0-9]*\): .*/\1/p' | paste -sd, -)
case "$MISSING" in
  "$RUNNING,$TASKS") echo "$STATUS" | grep -q "task $RUNNING: .*(CANCELLED" || fail "status does not say task $RUNNING was cancelled" ;;
  "$TASKS") echo "    (task $RUNNING finished before it could be cancelled)" ;;
  *) fail "status should report tasks $RUNNING and $TASKS missing, reports: ${MISSING:-none}" ;;
esac
COUNT=$(echo "$MISSING" | tr ',' '\n' | wc -l)
echo "$STATUS" | grep -q "$(( TASKS - COUNT )) of $TASKS tasks done, 0 queued, $COUNT missing" || fail "status does not count the missing tasks"
[ ! -e "$WORK/cancel/table.csv" ] || fail "a table was written with a task missing"
ls "$WORK/cancel/shards" | grep -q partial && fail "a cancelled task left a partial file"
$OCCSIM sweep resubmit "$WORK/cancel" > "$WORK/resubmit.out"
grep -q "($COUNT tasks: $(echo "$MISSING" | sed "s/^$((TASKS - 1)),$TASKS\$/$((TASKS - 1))-$TASKS/"))" "$WORK/resubmit.out" \
  || fail "resubmit did not send exactly tasks $MISSING: $(cat "$WORK/resubmit.out")"
wait_for "the resubmitted sweep to finish" queue_empty
same_table "$WORK/cancel"
# Every task wrote its shard exactly once across both submissions: nothing lost, nothing doubled.
WRITTEN=$(cat "$WORK"/cancel/logs/*.out | grep -c ' written$' || true)
DISTINCT=$(cat "$WORK"/cancel/logs/*.out | grep ' written$' | sort -u | wc -l)
[ "$WRITTEN" -eq "$TASKS" ] && [ "$DISTINCT" -eq "$TASKS" ] || fail "$WRITTEN shards written ($DISTINCT distinct) for $TASKS tasks"
[ "$($OCCSIM sweep resubmit "$WORK/cancel")" = "nothing to resubmit: every task is done and the table is written" ] || fail "a finished sweep offered work to resubmit"
ok "tasks $MISSING resubmitted alone; $TASKS tasks written once each; table identical to --local"

echo "--- 3. overhead per task"
t=$(seconds)
for i in 1 2 3; do $OCCSIM sweep task "$WORK/whole" "$i" >/dev/null; done
START=$(awk -v s="$(elapsed "$t")" 'BEGIN { printf "%.2f", s / 3 }')
t=$(seconds)
$OCCSIM sweep merge "$WORK/whole" >/dev/null
MERGE=$(elapsed "$t")
ok "start-up of a task that has nothing to do: $START s; merge of $TASKS shards: $MERGE s"
echo "--- test:slurm passed in $(( $(date +%s) - started )) s (local $LOCAL s, Slurm $SLURM s)"
