#!/bin/sh
# Builds Tessera CRM (without running the tests), installs it into run/tessera-crm and starts it on
# embedded Derby.
#   ./run.sh            start with the Karaf console (type "shutdown -f" or press Ctrl-D to stop)
#   ./run.sh server     start without a console (stop with Ctrl-C or run/tessera-crm/bin/stop)
# A rebuild replaces the program and Karaf's bundle cache, and keeps your site settings (port,
# database, admin, shell users, the first-admin marker: the files listed below) and the data (database and logs).
set -e
cd "$(dirname "$0")"
mvn -B -q clean install -DskipTests
home=run/tessera-crm
site_settings="org.ops4j.pax.web.cfg org.ops4j.datasource-crm.cfg org.tesseracrm.kernel.security.cfg \
users.properties org.apache.karaf.shell.cfg host.key host.key.pub tessera.installed"
saved=$(mktemp -d)
for file in $site_settings; do
    if [ -f "$home/etc/$file" ]; then cp -p "$home/etc/$file" "$saved/"; fi
done
rm -rf "$home/data/cache" "$home/data/tmp" "$home/system"
mkdir -p "$home"
tar xzf karaf-assembly/target/tessera-crm-*.tar.gz -C "$home" --strip-components=1
for file in "$saved"/*; do
    if [ -f "$file" ]; then cp -p "$file" "$home/etc/"; fi
done
rm -rf "$saved"
echo "Tessera CRM is starting: open http://localhost:8181/ and sign in as admin / admin"
exec "$home/bin/karaf" "$@"
