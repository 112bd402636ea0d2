#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, for tests and CI.
#
#   scripts/slurm-local.sh start    install slurm-wlm + munge when missing, start
#                                   munged, slurmctld and slurmd, wait until the
#                                   node is idle. Prints "started" on stdout, or
#                                   "running" when a controller already answered
#                                   (then nothing is started and stop leaves it).
#   scripts/slurm-local.sh stop     stop only the daemons this script started
#                                   (by their pid files), restore slurm.conf,
#                                   remove the state folder.
#   scripts/slurm-local.sh status   exit 0 and print sinfo when the cluster
#                                   answers, exit 3 otherwise.
#
# Exit status: 0 done, 1 the cluster cannot be started or stopped here (the
# reason is on stderr), 2 usage.
# Environment: BENCH_SLURM_DIR (state, spool, pid and log files; default
# /tmp/bench-slurm), BENCH_SLURM_TIMEOUT (seconds to wait for an idle node;
# default 30).
set -euo pipefail

STATE="${BENCH_SLURM_DIR:-/tmp/bench-slurm}"
TIMEOUT="${BENCH_SLURM_TIMEOUT:-30}"
CONF=/etc/slurm/slurm.conf
KEY=/etc/munge/munge.key
MARK="# written by bench scripts/slurm-local.sh"
LOCK="/tmp/bench-slurm-$(id -u).lock"

say() { echo "slurm-local: $*" >&2; }
die() { say "$*"; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
  else SUDO="__none__"; fi
fi
as_root() {
  [ "$SUDO" = "__none__" ] && die "root (or password-less sudo) is needed to install and start Slurm"
  $SUDO "$@"
}

# True when process $1 exists and is not a zombie waiting to be reaped.
running() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [ "${stat%% *}" != Z ]
}

# True when the pid in file $1 is running the program named $2.
alive() {
  local pid
  [ -r "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && running "$pid" && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ]
}

controller_answers() { command -v scontrol >/dev/null 2>&1 && timeout 5 scontrol ping 2>/dev/null | grep -q "is UP"; }

# Installs slurm-wlm and munge from Debian unless their programs are already there.
install_packages() {
  local need=() tool
  for tool in slurmctld slurmd sbatch squeue sinfo scontrol; do
    command -v "$tool" >/dev/null 2>&1 || { need+=(slurm-wlm); break; }
  done
  for tool in munged munge unmunge; do
    command -v "$tool" >/dev/null 2>&1 || { need+=(munge); break; }
  done
  [ ${#need[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "${need[*]} missing and apt-get is not available to install them"
  say "installing ${need[*]}"
  local log="$STATE/apt.log"
  as_root apt-get update -qq >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "apt-get update failed"; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >>"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; die "apt-get install ${need[*]} failed"; }
}

start_munge() {
  if [ ! -e "$KEY" ]; then
    as_root install -d -o munge -g munge -m 0700 /etc/munge
    as_root dd if=/dev/urandom of="$KEY" bs=1024 count=1 status=none
    as_root chown munge:munge "$KEY"
    as_root chmod 400 "$KEY"
    touch "$STATE/munge-key.created"
  fi
  if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then return 0; fi
  as_root install -d -o munge -g munge -m 0755 /run/munge "$STATE/munge"
  detached $SUDO runuser -u munge -- munged --pid-file="$STATE/munge/munged.pid" \
    || die "munged did not start (see /var/log/munge/munged.log)"
  local i
  for i in $(seq 1 50); do
    munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "munged started but credentials do not round-trip"
}

write_conf() {
  local host cpus
  host="$(hostname -s)"
  cpus="$(nproc)"
  as_root install -d -m 0755 /etc/slurm
  if [ -e "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
    cp -p "$CONF" "$STATE/slurm.conf.orig"
  fi
  as_root tee "$CONF" >/dev/null <<EOF
$MARK; restored by 'scripts/slurm-local.sh stop'
ClusterName=bench
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/slurmd
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
DependencyParameters=kill_invalid_depend
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

# Runs a daemon detached from whoever called this script: stdin/stdout from
# /dev/null, stderr appended to $STATE/daemons.err, no other inherited
# descriptor (a caller waiting for its pipe or socket to close would otherwise
# wait until the daemon stops; the lock would stay held), and an empty signal
# mask (a caller that blocked SIGTERM in its threads would otherwise make the
# daemon deaf to 'stop').
detached() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd="${fd##*/}"
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec perl -MPOSIX -e 'sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!\n";
      $SIG{$_} = "DEFAULT" for qw(HUP INT QUIT TERM PIPE CHLD USR1 USR2);
      exec { $ARGV[0] } @ARGV or die "cannot run $ARGV[0]: $!\n"' -- "$@"
  ) </dev/null >/dev/null 2>>"$STATE/daemons.err"
}

node_idle() { timeout 5 sinfo -h -N -o "%t" 2>/dev/null | grep -qx "idle"; }

start() {
  mkdir -p "$STATE"
  if alive "$STATE/slurmctld.pid" slurmctld && alive "$STATE/slurmd.pid" slurmd && node_idle; then
    say "already running (state in $STATE)"; echo running; return 0
  fi
  if [ ! -e "$STATE/slurmctld.pid" ] && controller_answers; then
    say "a Slurm controller not started by this script answers; using it as is"; echo running; return 0
  fi
  install_packages
  mkdir -p "$STATE/ctld" "$STATE/slurmd"
  start_munge
  write_conf
  alive "$STATE/slurmctld.pid" slurmctld || detached $SUDO slurmctld -c || fail_start "slurmctld did not start"
  alive "$STATE/slurmd.pid" slurmd || detached $SUDO slurmd || fail_start "slurmd did not start"
  local deadline=$((SECONDS + TIMEOUT))
  while ! node_idle; do
    if [ $SECONDS -ge $deadline ]; then fail_start "node not idle after ${TIMEOUT}s"; fi
    sleep 0.5
    # A daemon that exited (port taken, bad config) never comes back: say so now
    # rather than at the deadline.
    alive "$STATE/slurmctld.pid" slurmctld || fail_start "slurmctld exited"
    alive "$STATE/slurmd.pid" slurmd || fail_start "slurmd exited"
  done
  say "node $(hostname -s) idle ($(nproc) CPUs, partition debug; state in $STATE)"
  echo started
}

# Reports why the start failed with the end of the daemon logs, then undoes it.
fail_start() {
  say "$1"
  local f
  for f in "$STATE/daemons.err" "$STATE/slurmctld.log" "$STATE/slurmd.log"; do
    [ -s "$f" ] && { say "--- last lines of $f"; tail -n 15 "$f" >&2; }
  done
  stop >/dev/null 2>&1 || true
  exit 1
}

# Sends TERM to the daemon in pid file $1 (named $2), then KILL after 10 s.
stop_daemon() {
  alive "$1" "$2" || { rm -f "$1"; return 0; }
  local pid; pid="$(cat "$1")"
  as_root kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 100); do
    running "$pid" || { rm -f "$1"; return 0; }
    sleep 0.1
  done
  say "$2 ($pid) ignored TERM; killing it"
  as_root kill -KILL "$pid" 2>/dev/null || true
  rm -f "$1"
}

stop() {
  [ -d "$STATE" ] || { say "not running (no $STATE)"; return 0; }
  stop_daemon "$STATE/slurmd.pid" slurmd
  stop_daemon "$STATE/slurmctld.pid" slurmctld
  stop_daemon "$STATE/munge/munged.pid" munged
  if [ -e "$CONF" ] && grep -qF "$MARK" "$CONF"; then
    if [ -e "$STATE/slurm.conf.orig" ]; then as_root cp -p "$STATE/slurm.conf.orig" "$CONF"
    else as_root rm -f "$CONF"; fi
  fi
  if [ -e "$STATE/munge-key.created" ]; then as_root rm -f "$KEY"; fi
  as_root rm -rf "$STATE"
  say "stopped"
}

status() {
  if command -v sinfo >/dev/null 2>&1 && controller_answers; then
    sinfo
    return 0
  fi
  say "not running"
  return 3
}

case "${1:-}" in
  start|stop|status) cmd="$1" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
# One start or stop at a time on this machine (the daemons do not inherit the
# lock's descriptor: see detached).
if [ "$cmd" != status ]; then
  [ "$SUDO" = "__none__" ] && die "root (or password-less sudo) is needed to $cmd a local Slurm cluster"
  exec 9>>"$LOCK"
  flock -w 120 9 || die "another slurm-local.sh holds $LOCK"
fi
"$cmd"
