#!/usr/bin/env bash
# A backup of the database, encrypted to a public key: the server that writes it cannot
# read it back, and neither can whoever copies the backup folder. The private key, like
# FIELD_ENCRYPTION_KEYS, lives elsewhere (README: "Backup and restore").
#
#   balintroom-backup.sh OUTPUT_DIR PUBLIC_KEY_FILE     (DATABASE_URL from the environment)
#
# Prints the file it wrote. Backups older than BACKUP_KEEP_DAYS (14) are deleted.
set -euo pipefail
out_dir="$1"
public_key="$2"
umask 077
# A keyring of its own for this run: the public key comes from the file, nothing is kept.
GNUPGHOME="$(mktemp -d)"
export GNUPGHOME
file="$out_dir/balintroom-$(date +%Y%m%d-%H%M%S).dump.gpg"
trap 'rm -rf "$GNUPGHOME" "$file.part"' EXIT
# pipefail: a dump that fails half-way leaves no file that looks like a backup.
pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" \
  | gpg --batch --yes --no-tty --trust-model always --encrypt \
        --recipient-file "$public_key" --output "$file.part"
mv "$file.part" "$file"
find "$out_dir" -name 'balintroom-*.dump.gpg' -mtime +"${BACKUP_KEEP_DAYS:-14}" -delete
echo "$file"
