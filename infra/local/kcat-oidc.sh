#!/usr/bin/env bash
# kcat for the partner quick start (README.md): kcat whose librdkafka can fetch an OIDC client-credentials token
# (SASL/OAUTHBEARER, sasl.oauthbearer.method=oidc; librdkafka 1.9 or later built with libcurl).
#
#   infra/local/kcat-oidc.sh <kcat arguments>   runs kcat with such a librdkafka
#   infra/local/kcat-oidc.sh --build            only makes sure it is there (exit 3, with the reason, when it cannot be)
#   infra/local/kcat-oidc.sh --setup            as root (CI): Debian's source entry and the build packages, then --build
#
# When the machine's kcat already has OIDC (recent distributions', Confluent's packages), this is plain kcat. Debian
# bookworm's librdkafka (2.0.2) is built without libcurl, so this builds Debian's own source of the installed version
# with libcurl, once, into ${XDG_CACHE_HOME:-~/.cache}/esac, and runs Debian's kcat against it (same soname,
# librdkafka.so.1). Everything comes from the Debian archive through apt; nothing is downloaded from elsewhere
# (librdkafka's `configure --install-deps` would fetch from GitHub: not used).
set -euo pipefail

# Debian's build dependencies of librdkafka, with libcurl added (and what builds it: gcc, make, dpkg-source).
build_packages=(build-essential dpkg-dev pkg-config libcurl4-openssl-dev libssl-dev libsasl2-dev zlib1g-dev
                libzstd-dev liblz4-dev)

has_oidc() { "$@" -V 2>/dev/null | grep -q 'builtin.features=.*oidc'; }

cannot() {
  echo "kcat-oidc: $*" >&2
  exit 3
}

library_dir() {
  local version
  version=$(dpkg-query -W -f='${source:Version}' librdkafka1 2>/dev/null) || cannot "librdkafka1 (Debian's) is not installed"
  echo "${XDG_CACHE_HOME:-$HOME/.cache}/esac/librdkafka-${version}-oidc"
}

build() {
  command -v kcat >/dev/null 2>&1 || cannot "kcat is not installed (apt-get install kcat)"
  has_oidc kcat && return 0
  local dir version missing=() package work
  dir=$(library_dir)
  [[ -f "$dir/librdkafka.so.1" ]] && LD_LIBRARY_PATH="$dir" has_oidc kcat && return 0
  rm -rf "$dir"
  for package in "${build_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  ((${#missing[@]} == 0)) || cannot "to build librdkafka with libcurl, install: apt-get install ${missing[*]}" \
      "(or run $0 --setup as root)"
  version=$(dpkg-query -W -f='${source:Version}' librdkafka1)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "kcat-oidc: building Debian's librdkafka $version with libcurl into $dir (once; about a minute)" >&2
  (cd "$work" && apt-get source -qq --download-only "librdkafka=$version" >"$work/source.log" 2>&1) \
      || { cat "$work/source.log" >&2
           cannot "apt-get source librdkafka=$version failed: Debian's source packages need a deb-src entry" \
                  "(run $0 --setup as root)"; }
  (cd "$work" && dpkg-source -x librdkafka_*.dsc src >/dev/null 2>&1) || cannot "dpkg-source could not unpack $work"
  # --enable-X: the build fails rather than silently leaving out a feature Debian's library has (curl: OIDC).
  (cd "$work/src" \
    && ./configure --no-download --enable-curl --enable-ssl --enable-gssapi --enable-zstd --enable-zlib \
         --enable-lz4-ext --disable-debug-symbols \
    && make -j"$(nproc)" -C src librdkafka.so.1) >"$work/build.log" 2>&1 \
      || { tail -20 "$work/build.log" >&2; cannot "building librdkafka failed (log above)"; }
  mkdir -p "$work/lib"
  cp "$work/src/src/librdkafka.so.1" "$work/lib/"
  LD_LIBRARY_PATH="$work/lib" has_oidc kcat || cannot "the library built has no OIDC support"
  # Moved into place whole, so an interrupted or concurrent build never leaves a half-made cache.
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir.tmp.$$" && mv "$work/lib" "$dir.tmp.$$"
  mv -T "$dir.tmp.$$" "$dir" 2>/dev/null || rm -rf "$dir.tmp.$$"
  rm -rf "$work"
  trap - EXIT
}

setup() {
  [[ $(id -u) == 0 ]] || cannot "--setup installs packages: run it as root"
  export DEBIAN_FRONTEND=noninteractive
  if ! command -v kcat >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq kcat >/dev/null
  fi
  has_oidc kcat && return 0
  if ! apt-cache showsrc librdkafka 2>/dev/null | grep -q '^Package:'; then
    if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      local codename
      codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
      printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
        "$codename" /usr/share/keyrings/debian-archive-keyring.gpg >/etc/apt/sources.list.d/esac-deb-src.sources
    fi
    apt-get update -qq
  fi
  apt-get install -y -qq --no-install-recommends "${build_packages[@]}" >/dev/null
  build
}

case "${1:-}" in
  --setup) setup ;;
  --build) build && echo "kcat-oidc: ready" >&2 ;;
  *)
    build
    if has_oidc kcat; then exec kcat "$@"; fi
    LD_LIBRARY_PATH="$(library_dir)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec kcat "$@"
    ;;
esac
