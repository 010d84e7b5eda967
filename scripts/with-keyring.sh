#!/usr/bin/env bash
# Runs a command inside a fresh D-Bus session that has an unlocked gnome-keyring Secret Service,
# so code that talks to the OS keychain (electron/core/secrets) can be tested for real, headless.
#
#   scripts/with-keyring.sh <command> [args...]
#
# - The command gets its own session bus (dbus-run-session) and keeps the caller's environment,
#   stdin, stdout and stderr; its exit status is this script's exit status.
# - The keyring is created with a throwaway random password: a "login" collection that is the
#   default alias and unlocked, so writes never prompt (there is no display to prompt on).
# - Keyring files: $XDG_DATA_HOME/keyrings when the caller sets XDG_DATA_HOME (tests point it into
#   their temporary HOME, to prove the secret is only stored encrypted), otherwise a temporary
#   directory removed on exit. Never the user's real ~/.local/share/keyrings: a random password
#   cannot open a real login keyring, and we must not create one there.
# - The daemon's control socket and cache also live in a temporary directory, never in HOME.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi

for bin in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$bin" >/dev/null 2>&1; then
    echo "with-keyring.sh: $bin is missing: install dbus and gnome-keyring (sudo bash scripts/install-test-deps.sh)" >&2
    exit 127
  fi
done

# Second stage: we are inside dbus-run-session, on a private bus.
if [ "${1:-}" = "--inside-session" ]; then
  shift
  scratch=$1 data_home=$2
  shift 2

  # Start the Secret Service ourselves (rather than letting D-Bus activation do it) so it is
  # created with our password and our private directories. --unlock reads the password on stdin,
  # creates the "login" collection with it when missing, and daemonizes.
  pw=$(head -c 24 /dev/urandom | base64)
  printf '%s' "$pw" | env XDG_DATA_HOME="$data_home" XDG_RUNTIME_DIR="$scratch/run" XDG_CACHE_HOME="$scratch/cache" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset pw

  secrets_call() { # secrets_call <object> <interface.method> [args...]
    dbus-send --session --print-reply=literal --dest=org.freedesktop.secrets "$@" 2>/dev/null
  }
  # The daemon claims its bus name asynchronously after --unlock returns. Wait (bounded) with
  # NameHasOwner, which unlike a call to the service never triggers D-Bus activation: an
  # activated second daemon would race ours for the name and come up without the unlocked
  # collection. Then check that the default alias is an unlocked login collection.
  has_owner() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true
  }
  ready=""
  for _ in $(seq 1 100); do
    if has_owner &&
      secrets_call /org/freedesktop/secrets org.freedesktop.Secret.Service.ReadAlias string:default | grep -q '/collection/login' &&
      secrets_call /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked | grep -q 'boolean false'; then
      ready=1
      break
    fi
    sleep 0.05
  done
  daemon_pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null | awk '{print $2}' || true)
  stop_daemon() { if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null || true; fi; }
  if [ -z "$ready" ]; then
    echo "with-keyring.sh: gnome-keyring did not provide an unlocked login collection within 5 s" >&2
    stop_daemon
    exit 1
  fi

  # Run the command as a child (not exec) so the daemon is stopped when it ends; forward
  # termination signals so an interrupted test run does not leave the command behind.
  # (An explicit <&0: bash gives background jobs /dev/null as stdin otherwise.)
  "$@" <&0 &
  child=$!
  trap 'kill -TERM "$child" 2>/dev/null || true' TERM INT HUP
  status=0
  wait "$child" || status=$?
  # wait returns early when a trapped signal arrives: wait again for the real exit status.
  if kill -0 "$child" 2>/dev/null; then wait "$child" || status=$?; fi
  stop_daemon
  exit "$status"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/run" "$scratch/cache"

if [ -n "${XDG_DATA_HOME:-}" ]; then
  data_home=$XDG_DATA_HOME
  if [ -e "$data_home/keyrings/login.keyring" ]; then
    echo "with-keyring.sh: $data_home/keyrings/login.keyring already exists and cannot be opened with a new random password: point XDG_DATA_HOME at a fresh directory" >&2
    exit 1
  fi
else
  data_home=$scratch/data
fi
mkdir -p -m 700 "$data_home"

status=0
dbus-run-session -- bash "$0" --inside-session "$scratch" "$data_home" "$@" || status=$?
exit "$status"
