#!/bin/sh
# Builds Tessera CRM (without running the tests) and starts it on embedded Derby with Karaf's console.
#   ./run.sh            build, then start with the Karaf console (type "shutdown -f" or Ctrl-D to stop)
#   ./run.sh server     build, then start without a console (stop it with Ctrl-C)
# The database and logs live in run/data, outside the build tree, so rebuilding keeps your data.
set -e
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
KARAF_DATA="${KARAF_DATA:-$PWD/run/data}"
export KARAF_DATA
echo "Tessera CRM is starting: open http://localhost:8181/ and sign in as admin / admin"
exec karaf-assembly/target/assembly/bin/karaf "$@"
