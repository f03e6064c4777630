#!/usr/bin/env bash
# Installs the Debian packages the test suite starts or calls, when missing:
# redis-server (the shared rate-limit tests run a real one) and openssl (the TLS
# tests generate a certificate). Quiet when everything is already there.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
echo "installing ${missing[*]}"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1; then
  echo "could not install ${missing[*]}; install them with your package manager" >&2
  exit 1
fi
