#!/usr/bin/env bash
# Installs what the test suites need from Debian's packages:
#   go 1.19 (golang-go) and go 1.23 (golang-1.23-go, bookworm-backports) for the differential tests,
#   chromium for the UI end-to-end tests, gnome-keyring + dbus + libsecret-tools for the keychain tests,
#   iproute2 for the network-change tests, zsh and fish to run the env scripts the apply engine writes,
#   a CJK font (fonts-wqy-microhei) so the zh-CN dashboard renders glyphs in Chromium and the screenshots.
# Idempotent: installs only what is missing. As non-root it prints what to install and exits non-zero.
# The backports suite is enabled by reusing the URIs of this machine's existing Debian sources,
# so no mirror host name lives in this repository.
set -euo pipefail

want_pkgs=()
need() { # need <package> <path-that-proves-it-is-installed>
  [ -e "$2" ] || want_pkgs+=("$1")
}
need golang-go /usr/lib/go-1.19/bin/go
need golang-1.23-go /usr/lib/go-1.23/bin/go
need chromium /usr/bin/chromium
need gnome-keyring /usr/bin/gnome-keyring-daemon
need dbus /usr/bin/dbus-run-session
need libsecret-tools /usr/bin/secret-tool
need iproute2 /usr/sbin/ip
need git /usr/bin/git
need zsh /usr/bin/zsh
need fish /usr/bin/fish
need fonts-wqy-microhei /usr/share/fonts/truetype/wqy/wqy-microhei.ttc

if [ ${#want_pkgs[@]} -eq 0 ]; then
  echo "install-test-deps: everything is installed"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "install-test-deps: missing packages: ${want_pkgs[*]}" >&2
  echo "install-test-deps: run as root, or: enable bookworm-backports and 'sudo apt-get install -y ${want_pkgs[*]}'" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

enable_backports() {
  if grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null; then
    return 0
  fi
  local uris="" signed=""
  # deb822 files: take the URIs of the stanza whose Suites include plain "bookworm".
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    local stanza
    stanza=$(awk -v RS='' '/Suites:[^\n]*bookworm([ \t]|$)/ && !/bookworm-security/ {print; exit}' "$f")
    if [ -n "$stanza" ]; then
      uris=$(printf '%s\n' "$stanza" | sed -n 's/^URIs:[[:space:]]*//p' | head -n1)
      signed=$(printf '%s\n' "$stanza" | sed -n 's/^Signed-By:[[:space:]]*//p' | head -n1)
      break
    fi
  done
  # One-line format: "deb URI bookworm main".
  if [ -z "$uris" ]; then
    uris=$(grep -hsE '^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^[:space:]]+[[:space:]]+bookworm[[:space:]]' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | head -n1 | sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/')
  fi
  if [ -z "$uris" ]; then
    echo "install-test-deps: cannot find a Debian bookworm source to derive bookworm-backports from" >&2
    return 1
  fi
  {
    echo "Types: deb"
    echo "URIs: $uris"
    echo "Suites: bookworm-backports"
    echo "Components: main"
    [ -n "$signed" ] && echo "Signed-By: $signed"
  } > /etc/apt/sources.list.d/goproxyctl-backports.sources
  echo "install-test-deps: enabled bookworm-backports from $uris"
}

enable_backports
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${want_pkgs[@]}" >/dev/null
echo "install-test-deps: installed ${want_pkgs[*]}"
