#!/bin/sh
# deps.sh: installs the Debian packages siteinfra needs, when some are missing.
#   tools/deps.sh build    compilers, flex, bison, libyaml, libgit2, libcrypto, pkg-config
#   tools/deps.sh test     the above, and the test oracles and tools
set -eu
build="gcc make flex bison libyaml-dev libgit2-dev libssl-dev pkg-config"
test="$build git golang-go golang-github-hashicorp-hcl-v2-dev pre-commit jq clang"
case ${1:-build} in
build) want=$build ;;
test) want=$test ;;
*) echo "usage: tools/deps.sh build|test" >&2; exit 2 ;;
esac
missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
