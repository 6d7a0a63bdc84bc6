# Helpers the test script uses to install Debian packages and (for later issues) start servers.
# CI machines start bare and without systemd: install what is missing, start it on 127.0.0.1 ourselves.

_apt_updated=0

# ensure_packages PKG... : installs the Debian packages that are not installed yet (apt-get update once).
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ "$_apt_updated" -eq 0 ]; then
    $sudo apt-get update -qq >/dev/null && _apt_updated=1
  fi
  echo "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
