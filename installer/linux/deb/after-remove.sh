#!/bin/sh
# postrm of the cccd-kiosk Debian package (electron-builder deb.afterRemove, passed to fpm as
# --after-remove and used verbatim; dpkg calls it as `postrm remove|purge|upgrade|...`).
#
# remove: stop and disable the kiosk session, drop what postinst added outside the package.
#         The data directory, the configuration and the encryption key STAY, so reinstalling
#         brings the kiosk back with its outbox queue and receipts.
# purge:  also delete the personal data, the configuration and the key (irreversible).
#         The `kiosk` user and group stay, as Debian policy advises for system accounts (files
#         elsewhere may still belong to them); `deluser --system kiosk` removes them by hand.
#
# Honours $DPKG_ROOT like the postinst.
set -eu

# shellcheck disable=SC2016
APP_EXECUTABLE='${executable}'

ROOT="${DPKG_ROOT:-}"
DATA_DIR=/var/lib/cccd-kiosk
CONFIG_DIR=/etc/cccd-kiosk
SESSION_UNIT=cccd-kiosk.service
APPARMOR_PROFILE=/etc/apparmor.d/cccd-kiosk

live_system() {
  [ -z "$ROOT" ]
}

stop_session() {
  if live_system && [ -d /run/systemd/system ]; then
    systemctl stop "$SESSION_UNIT" 2>/dev/null || true
  fi
  # The unit file is already gone when postrm runs, so `systemctl disable` cannot find it:
  # drop the enablement link directly.
  rm -f "$ROOT/etc/systemd/system/graphical.target.wants/$SESSION_UNIT"
  if live_system && [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
  fi
}

remove_integration() {
  if [ -L "$ROOT/usr/bin/$APP_EXECUTABLE" ]; then
    rm -f "$ROOT/usr/bin/$APP_EXECUTABLE"
  fi
  if [ -f "$ROOT$APPARMOR_PROFILE" ]; then
    if live_system && command -v apparmor_parser >/dev/null 2>&1; then
      apparmor_parser --remove "$APPARMOR_PROFILE" 2>/dev/null || true
    fi
    rm -f "$ROOT$APPARMOR_PROFILE"
  fi
  if live_system && command -v udevadm >/dev/null 2>&1 && [ -d /run/udev ]; then
    udevadm control --reload-rules || true
  fi
}

purge_data() {
  rm -rf "$ROOT$DATA_DIR"
  rm -rf "$ROOT$CONFIG_DIR"
}

case "${1:-}" in
  remove | abort-install)
    stop_session
    remove_integration
    ;;
  purge)
    # dpkg runs `postrm remove` before `postrm purge`; the first two steps are idempotent and
    # repeated in case the package was removed by an older version of this script.
    stop_session
    remove_integration
    purge_data
    ;;
  upgrade | failed-upgrade | abort-upgrade | disappear)
    ;;
  *)
    echo "postrm called with unknown argument '${1:-}'" >&2
    exit 1
    ;;
esac

exit 0
