#!/usr/bin/env bash
# The test command of the README (and of .ci/run). In order:
#  1. builds every module (javac -Xlint:all -Werror, Checkstyle), runs every module's tests on the module path,
#     attaches -sources and -javadoc jars (Javadoc errors fail the build) and installs it all into ~/.m2;
#  2. builds the one aggregated Javadoc site (target/reports/apidocs);
#  3. checks that every README code block marked as a snippet is identical to its file in examples/quickstart;
#  4. builds and tests the example applications against the installed BOM (examples/pom.xml);
#  5. runs every README quick-start program exactly as the README says.
set -euo pipefail
cd "$(dirname "$0")"
export TF_CPP_MIN_LOG_LEVEL=2

# Javadoc's {@snippet} examples need the javadoc tool of JDK 18 or later; the build itself runs on JDK 17+.
if [ -z "${JAVADOC_JDK_HOME:-}" ]; then
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$d" ] && [ -x "$d/bin/javadoc" ] && [ -f "$d/release" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release")
    if [ -n "$v" ] && [ "$v" -ge 18 ]; then JAVADOC_JDK_HOME="$d"; fi
  done
fi
if [ -z "${JAVADOC_JDK_HOME:-}" ]; then
  echo "test.sh: no JDK 18+ javadoc found; set JAVADOC_JDK_HOME to a JDK 18 or later" >&2
  exit 2
fi
export JAVADOC_JDK_HOME

mvn -B install
mvn -B -q javadoc:aggregate
java tools/ReadmeSnippets.java check README.md
mvn -B -f examples/pom.xml verify
for program in Features Augment Eval Models TrainAndTag Style; do
  echo "== quick start: quickstart.${program}QuickStart"
  mvn -B -q -f examples/quickstart/pom.xml compile exec:java -Dexec.mainClass="quickstart.${program}QuickStart"
done

# One closing line over every test report of this run (library modules and examples).
grep -ho '<testsuite [^>]*>' audiotag-*/target/surefire-reports/TEST-*.xml examples/*/target/surefire-reports/TEST-*.xml \
  | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2]; sub(/".*/, "", v);
           if (kv[1] == "tests") t += v; else if (kv[1] == "failures") f += v;
           else if (kv[1] == "errors") e += v; else if (kv[1] == "skipped") s += v } }
         END { printf "tests: %d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s }'
