#!/bin/sh
# Builds Tessera CRM (without running the tests), installs it into run/tessera-crm and starts it on
# embedded Derby.
#   ./run.sh            start with the Karaf console (type "shutdown -f" or press Ctrl-D to stop)
#   ./run.sh server     start without a console (stop with Ctrl-C or run/tessera-crm/bin/stop)
# Rebuilding replaces the program files but keeps run/tessera-crm/etc (your settings) and
# run/tessera-crm/data (database and logs).
set -e
cd "$(dirname "$0")"
mvn -B -q clean install -DskipTests
home=run/tessera-crm
keep_settings=""
if [ -d "$home/etc" ]; then
    keep_settings="--exclude=*/etc/*"
fi
mkdir -p "$home"
# shellcheck disable=SC2086 # empty or one option
tar xzf karaf-assembly/target/tessera-crm-*.tar.gz -C "$home" --strip-components=1 $keep_settings
echo "Tessera CRM is starting: open http://localhost:8181/ and sign in as admin / admin"
exec "$home/bin/karaf" "$@"
