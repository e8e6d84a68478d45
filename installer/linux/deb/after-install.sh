#!/bin/sh
# postinst of the cccd-kiosk Debian package (electron-builder deb.afterInstall, passed to fpm as
# --after-install and used verbatim as the maintainer script; dpkg calls it as
# `postinst configure [old-version]`, or with abort-* when an upgrade/removal is rolled back).
#
# It replaces electron-builder's default after-install script, so it also does that script's job:
# /usr/bin link, AppArmor profile (Ubuntu 24.04+ restricts unprivileged user namespaces, which
# Chromium's sandbox needs) or, without AppArmor, the setuid chrome-sandbox fallback.
#
# Honours $DPKG_ROOT (dpkg --root / image builds): files go under it, users are created in its
# /etc/passwd, units are enabled offline, and nothing touches the running system.
# Idempotent: safe to run on every install and upgrade.
set -eu

# electron-builder substitutes these two macros when it builds the package; nothing else in this
# file may use the dollar-brace form with a letters-only name (installer/test/deb-scripts.test.ts
# checks that).
# shellcheck disable=SC2016
APP_DIR='/opt/${sanitizedProductName}'
# shellcheck disable=SC2016
APP_EXECUTABLE='${executable}'

ROOT="${DPKG_ROOT:-}"
KIOSK_USER=kiosk
KIOSK_GROUP=kiosk
DATA_DIR=/var/lib/cccd-kiosk
CONFIG_DIR=/etc/cccd-kiosk
KEY_FILE="$CONFIG_DIR/data.key"
SESSION_UNIT=cccd-kiosk.service
APPARMOR_PROFILE=/etc/apparmor.d/cccd-kiosk

# True when this script acts on the running system (not on an image under $DPKG_ROOT).
live_system() {
  [ -z "$ROOT" ]
}

group_exists() {
  grep -q "^$1:" "$ROOT/etc/group" 2>/dev/null
}

user_exists() {
  grep -q "^$1:" "$ROOT/etc/passwd" 2>/dev/null
}

# Numeric ids from the target root's own databases, so ownership is right under $DPKG_ROOT too.
uid_of() {
  awk -F: -v name="$1" '$1 == name { print $3 }' "$ROOT/etc/passwd"
}

gid_of() {
  awk -F: -v name="$1" '$1 == name { print $3 }' "$ROOT/etc/group"
}

root_args() {
  if [ -n "$ROOT" ]; then
    printf '%s\n' "--root=$ROOT"
  fi
}

create_user() {
  if ! group_exists "$KIOSK_GROUP"; then
    # shellcheck disable=SC2046 # root_args prints zero or one word
    groupadd $(root_args) --system "$KIOSK_GROUP"
  fi
  if ! user_exists "$KIOSK_USER"; then
    # shellcheck disable=SC2046
    useradd $(root_args) --system --gid "$KIOSK_GROUP" --home-dir "$DATA_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment "CCCD self-service kiosk" "$KIOSK_USER"
  fi
  # Display, GPU, input and camera of the seat; serial ports for adapters our udev rule misses.
  for group in video render input dialout; do
    if group_exists "$group"; then
      # shellcheck disable=SC2046
      usermod $(root_args) --append --groups "$group" "$KIOSK_USER"
    fi
  done
}

create_directories() {
  kiosk_uid=$(uid_of "$KIOSK_USER")
  kiosk_gid=$(gid_of "$KIOSK_GROUP")
  # Personal data lives here (SQLite, WAL): only the kiosk user may enter.
  mkdir -p "$ROOT$DATA_DIR"
  chown "$kiosk_uid:$kiosk_gid" "$ROOT$DATA_DIR"
  chmod 0750 "$ROOT$DATA_DIR"
  mkdir -p "$ROOT$CONFIG_DIR"
  chown "0:$kiosk_gid" "$ROOT$CONFIG_DIR"
  chmod 0750 "$ROOT$CONFIG_DIR"
}

# The at-rest encryption key of the personal-data fields, kept outside the database so a copied
# database file alone reveals nothing. Generated once and never overwritten (that would make the
# stored data unreadable). Back it up as installer/README.md describes.
provision_key() {
  kiosk_uid=$(uid_of "$KIOSK_USER")
  kiosk_gid=$(gid_of "$KIOSK_GROUP")
  if [ ! -s "$ROOT$KEY_FILE" ]; then
    old_umask=$(umask)
    umask 077
    tmp_key=$(mktemp "$ROOT$CONFIG_DIR/.data.key.XXXXXX")
    # 32 random bytes, hex-encoded (64 characters): an AES-256 key.
    od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$tmp_key"
    printf '\n' >>"$tmp_key"
    mv "$tmp_key" "$ROOT$KEY_FILE"
    umask "$old_umask"
  fi
  chown "$kiosk_uid:$kiosk_gid" "$ROOT$KEY_FILE"
  chmod 0600 "$ROOT$KEY_FILE"
}

link_executable() {
  if [ -x "$ROOT$APP_DIR/$APP_EXECUTABLE" ]; then
    mkdir -p "$ROOT/usr/bin"
    ln -sf "$APP_DIR/$APP_EXECUTABLE" "$ROOT/usr/bin/$APP_EXECUTABLE"
  fi
}

sandbox_support() {
  if [ -d "$ROOT/etc/apparmor.d" ] && [ -f "$ROOT$APP_DIR/resources/apparmor-profile" ]; then
    cp "$ROOT$APP_DIR/resources/apparmor-profile" "$ROOT$APPARMOR_PROFILE"
    if live_system && command -v apparmor_parser >/dev/null 2>&1 && aa-enabled --quiet 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE" || true
    fi
  elif live_system && [ -f /proc/sys/kernel/unprivileged_userns_clone ] \
    && [ "$(cat /proc/sys/kernel/unprivileged_userns_clone)" = 0 ] \
    && [ -f "$APP_DIR/chrome-sandbox" ]; then
    # No user namespaces: Chromium falls back to its setuid sandbox helper.
    chown 0:0 "$APP_DIR/chrome-sandbox"
    chmod 4755 "$APP_DIR/chrome-sandbox"
  fi
}

reload_udev() {
  if live_system && command -v udevadm >/dev/null 2>&1 && [ -d /run/udev ]; then
    udevadm control --reload-rules || true
    udevadm trigger --action=add --subsystem-match=tty --subsystem-match=hidraw \
      --subsystem-match=usb --subsystem-match=usbmisc || true
  fi
}

enable_units() {
  if live_system && [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
  fi
  if command -v systemctl >/dev/null 2>&1; then
    # Enabling only creates links, so it also works offline (image builds, chroots).
    # shellcheck disable=SC2046
    systemctl $(root_args) enable pcscd.socket || true
    # shellcheck disable=SC2046
    systemctl $(root_args) enable "$SESSION_UNIT"
    # shellcheck disable=SC2046
    systemctl $(root_args) set-default graphical.target
  fi
}

restart_on_upgrade() {
  # On first install the technician reboots (the session takes over tty1); on upgrade the
  # running kiosk picks up the new version now.
  if [ -n "${2:-}" ] && live_system && [ -d /run/systemd/system ]; then
    systemctl try-restart "$SESSION_UNIT" || true
  fi
}

# First install only: the kiosk has no technician yet, and first-run setup on the touch screen
# needs a one-time code from this machine (kiosk-app README, "First run"). Only the instruction
# is printed, never a code: maintainer-script output is kept in /var/log/apt/term.log.
first_run_notice() {
  if [ -z "${2:-}" ]; then
    cat <<EOF

cccd-kiosk: no technician account exists yet. After the reboot, on this machine run
  sudo KIOSK_KEY_FILE=$KEY_FILE kiosk setup code --data-dir $DATA_DIR
then hold the kiosk title on the screen for 3 seconds and enter the code, a user name and a
PIN of 6 to 12 digits. Or create the account here:
  sudo KIOSK_KEY_FILE=$KEY_FILE kiosk setup technician --user NAME --data-dir $DATA_DIR
Kỹ thuật viên: máy chưa có tài khoản kỹ thuật viên. Sau khi khởi động lại, chạy lệnh
kiosk setup code như trên rồi nhập mã đó trên màn hình kiosk (giữ tiêu đề 3 giây).

EOF
  fi
}

case "${1:-configure}" in
  configure)
    create_user
    create_directories
    provision_key
    link_executable
    sandbox_support
    reload_udev
    enable_units
    restart_on_upgrade "$@"
    first_run_notice "$@"
    ;;
  abort-upgrade | abort-remove | abort-deconfigure)
    ;;
  *)
    echo "postinst called with unknown argument '$1'" >&2
    exit 1
    ;;
esac

exit 0
