#!/usr/bin/env bash
# Unpacks the embedded PostgreSQL server into the distribution, so a first start does not spend a second doing it.
# A zip holds no symbolic links: each library link the server loads by its soname (libpq.so.5 -> libpq.so.5.17)
# becomes the file itself, and the development links (libpq.so) go.
# Usage: unpack-postgres.sh <postgres-linux-x86_64.txz> <target folder>
set -euo pipefail
archive=$1
target=$2
rm -rf "$target" "$target.partial"
mkdir -p "$target.partial"
tar -xJf "$archive" -C "$target.partial"
cd "$target.partial/lib"
find . -maxdepth 1 -type l -name '*.so' -delete
for link in $(find . -maxdepth 1 -type l); do
  file=$(readlink "$link")
  rm "$link"
  mv "$file" "$link"
done
if [ -n "$(find "$target.partial" -type l)" ]; then
  echo "unpack-postgres: links left in $target.partial" >&2
  exit 1
fi
mv "$target.partial" "$target"
