#!/usr/bin/env bash
# The test command of the README: builds every module, runs every module's tests on the module path, checks the
# Javadoc, installs the artifacts into the local repository and builds the downstream example against the BOM.
set -euo pipefail
cd "$(dirname "$0")"
export TF_CPP_MIN_LOG_LEVEL=2
mvn -B install
if [ -f examples/downstream/pom.xml ]; then
  mvn -B -f examples/downstream/pom.xml verify
fi
