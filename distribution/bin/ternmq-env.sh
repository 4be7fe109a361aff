# Sourced by the other bin/ scripts: sets TERNMQ_HOME (the distribution root) and JAVA (a Java 17+ binary).
# Java is taken from $JAVA_HOME when set, else from the PATH.

TERNMQ_HOME="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TERNMQ_HOME

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA="$(command -v java)"
else
  echo "ternmq: no java found: set JAVA_HOME or put a Java 17+ 'java' on the PATH" >&2
  exit 1
fi

# "17.0.15" -> 17, "1.8.0_392" -> 8 (no `set --` here: that would clobber the caller's arguments)
java_version="$("$JAVA" -version 2>&1 | sed -nE 's/.* version "([^"]+)".*/\1/p' | head -1)"
java_major="${java_version%%.*}"
if [ "$java_major" = 1 ]; then java_major="$(echo "$java_version" | cut -d. -f2)"; fi
case "$java_major" in ''|*[!0-9]*) java_major=0 ;; esac
if [ "$java_major" -lt 17 ]; then
  echo "ternmq: $JAVA is Java $java_major; TernMQ needs Java 17 or newer (set JAVA_HOME)" >&2
  exit 1
fi
unset java_major java_version
