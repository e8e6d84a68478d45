#!/usr/bin/env bash
# The Debian packages the kiosk's tests and demo use (run as root).
# python3-pil, python3-numpy, fonts-dejavu-core: the held-out MRZ generator (test-fixtures/mrz-heldout).
# softhsm2, poppler-utils: the PKCS#11 token and pdfsig of the signed receipt PDF (issue 17).
# espeak-ng: the spoken prompts in Vietnamese (issue 21; its voice `vi` comes with espeak-ng-data).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  pcscd libpcsclite-dev vsmartcard-vpcd pcsc-tools socat udev chromium \
  fonts-noto-core fonts-ocr-b fonts-liberation shellcheck systemd python3 iproute2 procps openssl \
  prometheus vsmartcard-vpicc python3-virtualsmartcard python3-pycryptodome \
  python3-pil python3-numpy fonts-dejavu-core softhsm2 poppler-utils espeak-ng >/dev/null
