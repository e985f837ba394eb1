#!/bin/sh
# build-hclfmt.sh OUT: builds HashiCorp's hclfmt (cmd/hclfmt of hcl v2, the
# hclwrite.Format that terraform fmt uses) from Debian's
# golang-github-hashicorp-hcl-v2-dev, in GOPATH mode, without network.
set -eu
out=$1
[ -x "$out" ] && exit 0
mkdir -p "$(dirname "$out")"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$cache GOFLAGS= \
	go build -o "$out" github.com/hashicorp/hcl/v2/cmd/hclfmt
