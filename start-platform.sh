#!/usr/bin/env bash
# Starts the already-built platform (launcher/target/launcher-exec.jar) with a JDK 25 or newer, found as the build
# finds it: JAVA_HOME, the `java` on the PATH, then the folders JDKs are usually installed in. Every argument goes to
# the launcher (--data=<folder>, --gateway-port=<port>, --no-sample-content, ...).
# ICM_JDK_DIRS (folders holding JDKs, separated by ':') replaces the usual folders.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/launcher/target/launcher-exec.jar"
needed=25

# the feature version of the JDK in folder $1 (its `release` file, or asking its java), or nothing
feature_version() {
  local version=""
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$1/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  fi
  if [ -z "$version" ]; then
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "$version"
}

candidates() {
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  local on_path
  on_path=$(command -v java 2>/dev/null) && dirname "$(dirname "$(readlink -f "$on_path")")"
  local dirs="${ICM_JDK_DIRS:-/usr/lib/jvm:/usr/java:/opt/java:/Library/Java/JavaVirtualMachines:$HOME/.sdkman/candidates/java:$HOME/.jdks:$HOME/.asdf/installs/java}"
  local IFS=':'
  for dir in $dirs; do
    for jdk in "$dir"/*; do
      [ -d "$jdk/Contents/Home" ] && jdk="$jdk/Contents/Home"
      [ -d "$jdk" ] && echo "$jdk"
    done
  done
}

found=""
seen=()
while read -r jdk; do
  version=$(feature_version "$jdk")
  [ -n "$version" ] || continue
  [[ " ${seen[*]:-} " == *" at $jdk,"* ]] && continue
  seen+=("java $version at $jdk,")
  if [ "$version" -ge "$needed" ]; then
    found="$jdk"
    break
  fi
done < <(candidates)

if [ -z "$found" ]; then
  list="${seen[*]:-no Java,}"
  echo "ICM platform: needs a JDK $needed or newer; found ${list%,}. Install one (https://adoptium.net) or set JAVA_HOME to it." >&2
  exit 1
fi
if [ ! -f "$jar" ]; then
  echo "ICM platform: not built yet ($jar is missing): run ./mvnw -DskipTests package first, or ./mvnw -Pstart -DskipTests package" >&2
  exit 1
fi
exec "$found/bin/java" -jar "$jar" "$@"
