#!/usr/bin/env bash
# Makes sure pcscd is running with the vsmartcard vpcd driver, so the virtual card
# (`kiosk-sim card`, test-fixtures/src/card) shows up as readers "Virtual PCD 00 00" / "00 01".
# Idempotent: does nothing when pcscd already answers. Needs root (CI) or an existing daemon.
#   scripts/services/pcscd.sh           start if needed, wait until the socket is up
#   scripts/services/pcscd.sh restart   stop the running daemon and start a fresh one
set -euo pipefail

SOCKET=/run/pcscd/pcscd.comm
LOG=${PCSCD_LOG:-/tmp/pcscd.log}

if ! ls /etc/reader.conf.d/ 2>/dev/null | grep -q vpcd; then
  echo "pcscd.sh: vpcd is not registered in /etc/reader.conf.d (apt-get install vsmartcard-vpcd)" >&2
  exit 1
fi

# vpcd (Debian 3.3) writes each message as two send() calls, so Nagle holds the second until the
# virtual card's kernel ACKs the first, which delayed ACK postpones by ~40 ms: every APDU would
# take 45 ms. The virtual card connects through 127.0.0.2 (loopback too); a quickack route for
# that one address makes its ACKs immediate and nothing else on the machine changes.
quickack_route() {
  if command -v ip >/dev/null 2>&1; then
    ip route replace local 127.0.0.2/32 dev lo table local quickack 1 2>/dev/null ||
      echo "pcscd.sh: could not add the 127.0.0.2 quickack route (not root?); APDUs will be slower" >&2
  fi
}
quickack_route

running() { pgrep -x pcscd >/dev/null 2>&1 && [ -S "$SOCKET" ]; }

stop() {
  local pid
  for pid in $(pgrep -x pcscd || true); do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    pgrep -x pcscd >/dev/null 2>&1 || break
    sleep 0.1
  done
  rm -f "$SOCKET"
}

if [ "${1:-}" = "restart" ]; then stop; fi

if running; then exit 0; fi
# A stale socket from a killed daemon makes clients fail with "service not available".
pgrep -x pcscd >/dev/null 2>&1 || rm -f "$SOCKET"

mkdir -p /run/pcscd
# --foreground under setsid+nohup keeps the logs in a file instead of syslog (absent in containers).
setsid nohup pcscd --foreground >"$LOG" 2>&1 </dev/null &
for _ in $(seq 1 100); do
  if running; then exit 0; fi
  sleep 0.1
done
echo "pcscd.sh: pcscd did not come up, see $LOG" >&2
exit 1
