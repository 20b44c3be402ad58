#!/usr/bin/env bash
# The test command of the README (and of .ci/run): builds every module and runs every module's tests on the module
# path, installs the artifacts into the local Maven repository, checks that the Javadoc of every module builds
# without errors, then builds and tests the downstream example against the BOM.
set -euo pipefail
cd "$(dirname "$0")"
export TF_CPP_MIN_LOG_LEVEL=2
mvn -B install
mvn -B -q javadoc:javadoc
mvn -B -f examples/downstream/pom.xml verify
