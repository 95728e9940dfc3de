#!/usr/bin/env bash
# The job summary of the khairukum Action: the plan check as Markdown and,
# on a pull request, the plan's changes from the base branch to the head.
# Reads PLAN and LANGUAGE (empty: the plan's own, see lang.sh); writes to
# SUMMARY_FILE, else GITHUB_STEP_SUMMARY (at most 1 MiB a step: the check
# lists at most 200 findings and says where the rest are).
set -uo pipefail
summary=${SUMMARY_FILE:-${GITHUB_STEP_SUMMARY:-/dev/stdout}}
language=$(bash "$(dirname "$0")/lang.sh")
khairukum plan validate --plan "$PLAN" --format markdown --lang "$language" >>"$summary"
if [ -n "${GITHUB_BASE_REF:-}" ]; then
  if git fetch --quiet --no-tags --depth=1 origin "$GITHUB_BASE_REF"; then
    khairukum plan diff FETCH_HEAD HEAD --plan "$PLAN" --format markdown --lang "$language" >>"$summary" ||
      echo "_khairukum plan diff could not compare the base branch with this pull request._" >>"$summary"
  else
    echo "_The base branch could not be fetched, so the plan's changes are not shown._" >>"$summary"
  fi
fi
exit 0
