#!/bin/sh
# Rewrites glibc-2.36.golden: for each row of cases.txt (name|resolv.conf with \n escapes|LOCALDOMAIN|
# RES_OPTIONS|non-empty = LOCALDOMAIN set but empty), glibc's res_ninit reads the file in a private
# mount and UTS namespace (hostname vm.corp.example) and res_state_dump.py prints struct __res_state.
# Needs root and unshare; sends no packet. Usage: sh capture.sh > glibc-2.36.golden
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
while IFS='|' read -r name conf ld ro ldempty; do
  printf "$conf" > "$tmp/conf"
  env_args=""
  [ -n "$ld" ] && env_args="LOCALDOMAIN='$ld'"
  [ -n "$ldempty" ] && env_args="LOCALDOMAIN=''"
  [ -n "$ro" ] && env_args="$env_args RES_OPTIONS='$ro'"
  echo "$name|$(unshare -mu sh -c "hostname vm.corp.example; mount --bind $tmp/conf /etc/resolv.conf; env $env_args /usr/bin/python3 $here/res_state_dump.py")"
done < "$here/cases.txt"
rm -rf "$tmp"
